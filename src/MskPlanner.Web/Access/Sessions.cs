using System.Globalization;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

using MskPlanner.Persistence;

namespace MskPlanner.Web.Access;

/// <summary>
/// A signed-in session's two limits beyond the cookie's sliding idle time: it ends <see cref="AuthOptions.SessionLifetime"/>
/// after sign-in however busy it is, and at once, on every instance, when its user signs out (so a copied cookie
/// stops working too). The cookie carries the session's id and start, inside its encrypted ticket.
/// </summary>
public sealed class Sessions(SessionStore ended, IOptions<AuthOptions> auth, TimeProvider clock)
{
    private const string IdItem = "mskplanner.session";
    private const string StartedItem = "mskplanner.started";

    /// <summary>Stamps a new session at sign-in.</summary>
    public void Start(AuthenticationProperties properties)
    {
        properties.Items[IdItem] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        properties.Items[StartedItem] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the session the cookie carries still holds: started, within its lifetime, not ended by a sign-out.</summary>
    public async Task<bool> HoldsAsync(AuthenticationProperties properties, CancellationToken cancellationToken) =>
        Carried(properties) is (var id, var started)
        && clock.GetUtcNow() < started + auth.Value.SessionLifetime
        && !await ended.IsEndedAsync(id, cancellationToken);

    /// <summary>Ends the session the cookie carries, for every instance, until it would have expired anyway.</summary>
    public async Task EndAsync(AuthenticationProperties properties, CancellationToken cancellationToken)
    {
        if (Carried(properties) is (var id, var started))
        {
            await ended.EndAsync(id, started + auth.Value.SessionLifetime, cancellationToken);
        }
    }

    /// <summary>The session a cookie's ticket carries; null for a ticket issued before sessions were stamped.</summary>
    private static (string Id, DateTimeOffset Started)? Carried(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(IdItem, out var id) && id is not null
        && properties.Items.TryGetValue(StartedItem, out var text)
        && DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var started)
            ? (id, started)
            : null;

    /// <summary>Hooks the limits into the cookie's events.</summary>
    public static void Watch(CookieAuthenticationOptions cookie)
    {
        cookie.Events.OnSigningIn = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<Sessions>().Start(context.Properties);
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (!await context.HttpContext.RequestServices.GetRequiredService<Sessions>().HoldsAsync(context.Properties, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        };
    }
}
