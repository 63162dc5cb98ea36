using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Web.Access;

namespace MskPlanner.Web.Tests.Access;

/// <summary>A signed-in session's limits: an absolute lifetime from sign-in, and an end at sign-out that every instance sees.</summary>
public sealed class SessionTests(OidcAppFactory app) : IClassFixture<OidcAppFactory>
{
    private Sessions Sessions => app.Services.GetRequiredService<Sessions>();

    [Fact]
    public async Task A_session_ends_seven_days_after_sign_in_however_busy_it_stays()
    {
        var session = new AuthenticationProperties();
        Sessions.Start(session);

        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.True(await Sessions.HoldsAsync(session, CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await Sessions.HoldsAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task A_session_signed_out_of_is_refused_from_then_on_while_another_holds()
    {
        var signedOut = new AuthenticationProperties();
        var other = new AuthenticationProperties();
        Sessions.Start(signedOut);
        Sessions.Start(other);

        await Sessions.EndAsync(signedOut, CancellationToken.None);

        Assert.False(await Sessions.HoldsAsync(signedOut, CancellationToken.None));
        Assert.True(await Sessions.HoldsAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task A_cookie_that_carries_no_session_is_refused() =>
        Assert.False(await Sessions.HoldsAsync(new AuthenticationProperties(), CancellationToken.None));
}
