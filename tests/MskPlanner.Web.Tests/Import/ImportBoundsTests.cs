using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using MskPlanner.Testing;

namespace MskPlanner.Web.Tests.Import;

/// <summary>What an import refuses, and how it ends when Prometheus misbehaves: a clear message, never a 500 or a hang.</summary>
public sealed class ImportBoundsTests(ImportBoundsTests.App app) : IClassFixture<ImportBoundsTests.App>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("""{"url":"http://localhost:9090/","days":0}""", "days")]
    [InlineData("""{"url":"http://localhost:9090/","days":91}""", "days")]
    [InlineData("""{"url":"http://localhost:9090/","stepSeconds":10}""", "stepSeconds")]
    [InlineData("""{"url":"http://localhost:9090/","days":90,"stepSeconds":60}""", "stepSeconds")]
    [InlineData("""{"url":"http://localhost:9090/","naming":"graphite"}""", "naming")]
    [InlineData("""{"url":"http://localhost:9090/","peak":"p50"}""", "peak")]
    [InlineData("""{"url":"http://localhost:9090/","groupBy":""}""", "groupBy")]
    [InlineData("""{"url":"ftp://localhost/"}""", "url")]
    [InlineData("""{"url":"http://admin:secret@localhost:9090/"}""", "url")]
    [InlineData("""{"url":"http://localhost:9090/?query=up"}""", "url")]
    [InlineData("""{"url":"http://localhost:9090/","bearerToken":"a\nb"}""", "bearerToken")]
    [InlineData("""{"url":"http://localhost:9090/","bearerToken":"t","username":"u","password":"p"}""", "bearerToken")]
    [InlineData("""{"url":"http://localhost:9090/","username":"u"}""", "username")]
    [InlineData("""{"url":"http://localhost:9090/","source":"team"}""", "url")]
    [InlineData("""{"source":"nobody"}""", "source")]
    [InlineData("""{"source":"team","bearerToken":"mine"}""", "source")]
    [InlineData("""{}""", "source")]
    public async Task A_request_out_of_bounds_is_refused_at_its_field(string body, string field)
    {
        using var response = await _client.PostAsync("/api/v1/import/prometheus", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_source_is_answered_with_the_configured_names_and_never_their_addresses()
    {
        var text = await (await PostAsync(new { source = "nobody" })).Content.ReadAsStringAsync();

        Assert.Contains("the configured ones are team, down", text);
        Assert.DoesNotContain(app.Hostile.Address.Authority, text);
    }

    [Fact]
    public async Task A_prometheus_that_never_answers_ends_the_import_at_the_timeout_with_a_message()
    {
        var pending = PostAsync(new { url = app.Hostile.At("slow").ToString() });
        await app.Hostile.SlowRequestArrived.Task;
        app.Clock.Advance(App.Timeout + TimeSpan.FromSeconds(1));

        using var response = await pending;
        await AssertBadGatewayAsync(response, "did not answer within 60 s");
    }

    [Fact]
    public async Task An_endless_answer_is_cut_at_the_byte_limit() =>
        await AssertBadGatewayAsync(await PostAsync(new { url = app.Hostile.At("endless").ToString() }), "more than 1 MiB");

    [Fact]
    public async Task An_answer_with_more_series_than_allowed_is_refused() =>
        await AssertBadGatewayAsync(await PostAsync(new { url = app.Hostile.At("many").ToString() }), $"more than {HostilePrometheus.Series - 1} series");

    [Fact]
    public async Task A_page_that_is_not_prometheus_is_named_as_such() =>
        await AssertBadGatewayAsync(await PostAsync(new { url = app.Hostile.At("html").ToString() }), "is not Prometheus's JSON");

    [Fact]
    public async Task Prometheus_refusing_a_query_is_reported_with_its_reason() =>
        await AssertBadGatewayAsync(await PostAsync(new { url = app.Hostile.At("error").ToString() }), "parse error at char 7");

    [Fact]
    public async Task A_configured_source_that_is_down_is_reported_by_its_name() =>
        await AssertBadGatewayAsync(await PostAsync(new { source = "down" }), "Prometheus at source \"down\" could not be reached");

    [Fact]
    public async Task A_prometheus_without_kafka_metrics_has_nothing_to_import()
    {
        using var response = await PostAsync(new { url = app.Hostile.At("empty").ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("none of the Kafka metrics", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_configured_source_sends_its_own_credentials_and_never_shows_them()
    {
        using var response = await PostAsync(new { source = "team" });

        Assert.Equal("Bearer team-secret-token", app.Hostile.LastAuthorization);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("team-secret-token", text);
        Assert.DoesNotContain(app.Hostile.Address.Authority, text);
    }

    [Fact]
    public async Task Basic_credentials_typed_on_ones_own_machine_are_sent_as_basic_authentication()
    {
        using var response = await PostAsync(new { url = app.Hostile.At("empty").ToString(), username = "reader", password = "pa:ss" });

        Assert.Equal("Basic " + Convert.ToBase64String("reader:pa:ss"u8.ToArray()), app.Hostile.LastAuthorization);
    }

    private Task<HttpResponseMessage> PostAsync(object body) => _client.PostAsJsonAsync("/api/v1/import/prometheus", body);

    private static async Task AssertBadGatewayAsync(HttpResponseMessage response, string message)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadGateway, text);
        Assert.Contains(message, JsonNode.Parse(text)!["detail"]!.GetValue<string>());
    }

    /// <summary>The app in Local mode with tight import bounds, a clock the tests move, and two configured sources: the hostile server and one that is down.</summary>
    public sealed class App : PlannerAppFactory
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        public HostilePrometheus Hostile { get; } = new();

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Import:Prometheus:Timeout", "00:01:00");
            builder.UseSetting("Import:Prometheus:MaxSeries", (HostilePrometheus.Series - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Import:Prometheus:MaxResponseBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Import:Prometheus:Sources:0:Name", "team");
            builder.UseSetting("Import:Prometheus:Sources:0:Url", Hostile.At("error").ToString());
            builder.UseSetting("Import:Prometheus:Sources:0:BearerToken", "team-secret-token");
            builder.UseSetting("Import:Prometheus:Sources:1:Name", "down");
            builder.UseSetting("Import:Prometheus:Sources:1:Url", $"http://127.0.0.1:{LoopbackPort.Free()}/");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Hostile.DisposeAsync();
        }
    }
}

/// <summary>On a shared server a user may import only from the sources the operator configured.</summary>
public sealed class SharedServerImportTests(SharedServerImportTests.App app) : IClassFixture<SharedServerImportTests.App>
{
    [Fact]
    public async Task A_typed_address_is_forbidden_and_the_answer_names_the_setting_that_allows_sources()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/import/prometheus", new { url = "http://169.254.169.254/" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Import:Prometheus:Sources", await response.Content.ReadAsStringAsync());
    }

    public sealed class App : PlannerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("App:PublicBaseUrl", "https://planner.example.com/");
            builder.UseSetting("Auth:Mode", "Open");
        }
    }
}
