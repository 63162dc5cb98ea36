using System.Net;

using Microsoft.Extensions.Options;

namespace MskPlanner.Web.Access;

/// <summary>
/// Local mode has no sign-in, so it must never be reachable from another machine: the app refuses to run when it
/// listens anywhere but loopback, and answers no request that arrived on another address meanwhile.
/// </summary>
public static partial class LocalModeGuard
{
    /// <summary>The exit code when local mode is asked to listen on a shared address.</summary>
    public const int RefusedExitCode = 3;

    public static bool IsLoopback(string listenAddress)
    {
        var binding = BindingAddress.Parse(listenAddress);
        if (binding.IsUnixPipe)
        {
            return true;
        }

        return IsLoopbackName(binding.Host);
    }

    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    public static WebApplication UseLocalModeGuard(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Mode;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalModeGuard));
        if (mode == AuthMode.Open)
        {
            app.Lifetime.ApplicationStarted.Register(() => LogOpen(logger));
        }

        if (mode != AuthMode.Local)
        {
            return app;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var shared = string.Join(", ", app.Urls.Where(url => !IsLoopback(url)));
            if (shared.Length == 0)
            {
                return;
            }

            LogRefused(logger, shared);
            Environment.ExitCode = RefusedExitCode;
            app.Lifetime.StopApplication();
        });
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalIpAddress is { } local && !IsLoopback(local))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context, StatusCodes.Status403Forbidden,
                    "This server answers only on this machine.", "It runs without sign-in (Auth:Mode Local), so it serves loopback addresses only.");
                return;
            }

            // A page on another site whose name was made to resolve to this machine (DNS rebinding) reaches it
            // with its own name in Host: only this machine's names are served.
            if (!IsLoopbackName(context.Request.Host.Host))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(context, StatusCodes.Status400BadRequest,
                    "This server answers only to localhost.", "It runs without sign-in (Auth:Mode Local): open it as localhost, 127.0.0.1 or [::1].");
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The names a browser on this machine reaches a loopback server by: localhost and loopback addresses.</summary>
    public static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsLoopback(address));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:Mode is Open: there is no sign-in, so anyone who reaches this server can read, " +
        "change and delete every plan. Run it only behind a proxy that authenticates your users.")]
    private static partial void LogOpen(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Auth:Mode is Local (no sign-in), which serves this machine only, but the app listens on " +
        "{Addresses}. Listen on localhost or 127.0.0.1 only, or choose a mode for a shared server: Auth:Mode=Oidc, to sign users in with your " +
        "OpenID Connect provider, or Auth:Mode=Open, for a server behind a proxy that authenticates your users. Refusing to run.")]
    private static partial void LogRefused(ILogger logger, string addresses);
}
