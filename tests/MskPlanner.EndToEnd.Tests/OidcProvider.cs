using System.Diagnostics;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// A real OpenID provider (the npm package oidc-provider, run by node from oidc/provider.mjs) on a loopback port,
/// with the app registered as its one client. Its port is chosen first, so the app can be started pointing at it;
/// the provider is started once the app's address is known, as its redirect addresses must be.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "mskplanner";
    public const string ClientSecret = "mskplanner-test-secret";

    private Process? _process;

    public OidcProvider() => Authority = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");

    public Uri Authority { get; }

    /// <summary>The app's settings for signing in here.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Auth__Mode"] = "Oidc",
        ["Auth__Oidc__Authority"] = Authority.ToString().TrimEnd('/'),
        ["Auth__Oidc__ClientId"] = ClientId,
        ["Auth__Oidc__ClientSecret"] = ClientSecret,
        ["Auth__Oidc__Scopes"] = "openid profile email groups",
        ["Auth__Oidc__GroupsClaim"] = "groups",
    };

    public async Task StartAsync(Uri app)
    {
        var folder = Path.Combine(Repository.Root, "tests", "MskPlanner.EndToEnd.Tests");
        Assert.True(File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")),
            "oidc-provider is missing: run 'npm ci --prefix tests/MskPlanner.EndToEnd.Tests'.");
        var start = new ProcessStartInfo("node", [Path.Combine("oidc", "provider.mjs"), Authority.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), app.ToString().TrimEnd('/')])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) =>
        {
            output.Enqueue(e.Data ?? "");
            if (e.Data?.StartsWith("provider listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30))) != listening.Task)
        {
            throw new InvalidOperationException("The OpenID provider did not start:\n" + string.Join('\n', output));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}
