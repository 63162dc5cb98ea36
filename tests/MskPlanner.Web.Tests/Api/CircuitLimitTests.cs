using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MskPlanner.Web.Tests.Api;

/// <summary>Live Blazor connections are capped per client: each holds a circuit of a few MiB.</summary>
public class CircuitLimitTests(CircuitLimitTests.TwoPerClient factory) : IClassFixture<CircuitLimitTests.TwoPerClient>
{
    [Fact]
    public async Task A_client_past_its_cap_of_live_connections_gets_a_429_until_one_closes()
    {
        using var client = factory.CreateClient();
        var sockets = factory.Server.CreateWebSocketClient();
        await WaitUntilAsync(() => Task.FromResult(factory.Services.GetRequiredService<LiveConnections>().Total == 0));

        using var first = await sockets.ConnectAsync(await ConnectionAddressAsync(client), CancellationToken.None);
        using var second = await sockets.ConnectAsync(await ConnectionAddressAsync(client), CancellationToken.None);
        using var refused = await NegotiateAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);

        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await WaitUntilAsync(async () =>
        {
            using var again = await NegotiateAsync(client);
            return again.StatusCode == HttpStatusCode.OK;
        });
        await second.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task Connecting_past_the_cap_without_negotiating_first_is_refused_too()
    {
        using var client = factory.CreateClient();
        var sockets = factory.Server.CreateWebSocketClient();
        await WaitUntilAsync(() => Task.FromResult(factory.Services.GetRequiredService<LiveConnections>().Total == 0));
        var addresses = new[] { await ConnectionAddressAsync(client), await ConnectionAddressAsync(client), await ConnectionAddressAsync(client) };

        using var first = await sockets.ConnectAsync(addresses[0], CancellationToken.None);
        using var second = await sockets.ConnectAsync(addresses[1], CancellationToken.None);
        var third = await Record.ExceptionAsync(() => sockets.ConnectAsync(addresses[2], CancellationToken.None));

        Assert.NotNull(third);
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await second.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client) =>
        client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

    private static async Task<Uri> ConnectionAddressAsync(HttpClient client)
    {
        using var negotiated = await NegotiateAsync(client);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        var token = JsonNode.Parse(await negotiated.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();
        return new Uri($"ws://localhost/_blazor?id={Uri.EscapeDataString(token)}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public sealed class TwoPerClient : PlannerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Circuits:MaxPerClient", "2");
        }
    }
}
