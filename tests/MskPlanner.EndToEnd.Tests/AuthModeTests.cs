namespace MskPlanner.EndToEnd.Tests;

/// <summary>The app as an operator starts it: which addresses each mode agrees to serve.</summary>
public sealed class AuthModeTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Local_mode_refuses_to_run_on_an_address_other_machines_reach_and_names_the_way_out()
    {
        await using var app = await RunningApp.StartAsync(urls: "http://0.0.0.0:0");

        var exitCode = await app.ExitCodeAsync(ExitWithin);

        Assert.Equal(3, exitCode);
        var refusal = Assert.Single(app.Output, line => line.Contains("Refusing to run", StringComparison.Ordinal));
        Assert.Contains("Auth:Mode is Local (no sign-in)", refusal, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode=Oidc", refusal, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode=Open", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_mode_serves_a_shared_address_and_says_in_the_log_that_nothing_is_signed_in()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string> { ["Auth__Mode"] = "Open" }, urls: "http://0.0.0.0:0");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Address.Port}"), Timeout = TimeSpan.FromSeconds(30) };

        var ready = await http.GetAsync("/healthz/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Null(await app.ExitCodeAsync(TimeSpan.FromSeconds(1)));
        Assert.Contains(app.Output, line => line.Contains("Auth:Mode is Open: there is no sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oidc_mode_serves_a_shared_address_because_every_user_signs_in()
    {
        // The provider is only named: the app reads its metadata at the first sign-in, which this test never starts.
        await using var provider = new OidcProvider();
        await using var app = await RunningApp.StartAsync(provider.AppSettings, urls: "http://0.0.0.0:0");
        app.Expect("The sign-in provider cannot be reached");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Address.Port}"), Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/plans")).StatusCode);
        // No provider answers at that address: a page that needs sign-in says so instead of failing.
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/plans")).StatusCode);
        Assert.Null(await app.ExitCodeAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Local_mode_on_loopback_starts_as_the_readme_runs_it()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
        Assert.Null(await app.ExitCodeAsync(TimeSpan.FromSeconds(1)));
    }
}
