using Bunit;

using Microsoft.Extensions.DependencyInjection;

using MskPlanner.Web.Components.Planner;
using MskPlanner.Web.Planner;
using MskPlanner.Web.Tests.Import;

using MudBlazor.Services;

using PlannerPage = MskPlanner.Web.Components.Planner.Planner;

namespace MskPlanner.Web.Tests.Components;

/// <summary>"Start from an existing cluster" on the planner, against the week in a real Prometheus.</summary>
public sealed class ClusterImportTests(MeasuredCluster cluster) : PlannerTestContext, IClassFixture<MeasuredCluster>
{
    [Fact]
    public void Importing_from_prometheus_fills_the_streams_and_says_where_each_figure_came_from()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=cluster-import-toggle]").Click();

        page.WaitForElement("input#import-url").Change(cluster.Server.Address.ToString());
        page.Find("[data-testid=cluster-import]").Click();

        // clicks, the busiest topic, comes first: 2,000 msg/s on average, as the history was written.
        var messages = page.WaitForElement("input[id='streams[0].messagesPerSecond']").GetAttribute("value")!;
        Assert.InRange(double.Parse(messages, System.Globalization.CultureInfo.InvariantCulture), 1980, 2020);
        Assert.Equal("clicks", page.Find("input[id='streams[0].name']").GetAttribute("value"));
        Assert.Contains("Imported 4 streams from 4 topics (jmx metrics", page.Find("[data-testid=cluster-import-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("streams[0].peakMessagesPerSecond", page.Find("details.import-figures").TextContent, StringComparison.Ordinal);
        // The aggregates are the streams' sums now, locked while there are streams.
        Assert.True(page.Find("input#avgDataInMiBps").HasAttribute("disabled"));
    }

    [Fact]
    public void Files_from_the_clusters_tools_fill_the_totals_they_know_and_say_what_they_do_not()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=cluster-import-toggle]").Click();

        page.Find("input[type=radio][data-testid=import-from-files]").Click();
        page.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[0].UploadFiles(InputFileContent.CreateFromText(Fixture("kafka-topics-describe.txt"), "topics.txt"));
        page.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[1].UploadFiles(InputFileContent.CreateFromText(Fixture("kafka-log-dirs-describe.txt"), "log-dirs.json"));
        page.Find("[data-testid=cluster-import]").Click();

        // The fixtures' ten partitions of four topics, orders' day of retention, and three replicas.
        page.WaitForAssertion(() => Assert.Equal("10", page.Find("input#leaderPartitions").GetAttribute("value")));
        Assert.Equal("24", page.Find("input#retentionHours").GetAttribute("value"));
        Assert.Contains("Imported the totals of 4 topics from kafkaTopics and kafkaLogDirs", page.Find("[data-testid=cluster-import-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Data in is estimated from the disks", page.Find("#cluster-import-fields").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_named_with_its_line()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=cluster-import-toggle]").Click();

        page.Find("input[type=radio][data-testid=import-from-files]").Click();
        page.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[2].UploadFiles(InputFileContent.CreateFromText("{\"MetricDataResults\": 5}", "cloudwatch.json"));
        page.Find("[data-testid=cluster-import]").Click();

        page.WaitForAssertion(() => Assert.Contains("$.MetricDataResults must be an array", page.Find("[data-testid=cluster-import-failure]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_with_control_characters_is_refused_at_its_field_before_anything_is_sent()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=cluster-import-toggle]").Click();

        page.WaitForElement("input#import-url").Change(cluster.Server.Address.ToString());
        page.Find("input#import-token").Change("token\u001b]8;;");
        page.Find("[data-testid=cluster-import]").Click();

        page.WaitForAssertion(() => Assert.Contains("Bearer token must be 1 to", page.Find("#cluster-import-fields").TextContent, StringComparison.Ordinal));
        Assert.Equal("password", page.Find("input#import-token").GetAttribute("type"));
        Assert.Empty(page.FindAll("input[id='streams[0].messagesPerSecond']"));
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name));

    [Fact]
    public void An_address_that_is_not_http_is_refused_at_its_field_and_nothing_is_fetched()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=cluster-import-toggle]").Click();

        page.WaitForElement("input#import-url").Change("ftp://example.com/");
        page.Find("[data-testid=cluster-import]").Click();

        page.WaitForAssertion(() => Assert.Contains("URL must be an http or https address", page.Find("#cluster-import-fields").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("input[id='streams[0].messagesPerSecond']"));
    }

    [Fact]
    public void A_prometheus_that_cannot_be_reached_is_named_in_a_message()
    {
        var page = Render<PlannerPage>();
        page.Find("[data-testid=streams-toggle]").Click();
        page.Find("[data-testid=cluster-import-toggle]").Click();

        page.WaitForElement("input#import-url").Change($"http://127.0.0.1:{MskPlanner.Testing.LoopbackPort.Free()}/");
        page.Find("[data-testid=cluster-import]").Click();

        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[data-testid=cluster-import-failure]").TextContent, StringComparison.Ordinal));
    }
}

/// <summary>The import panel on a shared server: only the sources the operator configured, and a word when there are none.</summary>
public sealed class ClusterImportOnASharedServerTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's key interceptor, which the source choice brings, is disposed only asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public ClusterImportOnASharedServerTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new MskPlanner.Web.Access.AuthOptions { Mode = MskPlanner.Web.Access.AuthMode.Open }));
        var app = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        MskPlanner.Import.ImportServiceCollectionExtensions.AddImport(app);
        Services.AddSingleton<MskPlanner.Web.Access.PrometheusAccess>();
        foreach (var service in app.Services)
        {
            Services.Add(service);
        }
    }

    [Fact]
    public void Without_configured_sources_the_panel_says_so_and_offers_neither_an_address_nor_an_import()
    {
        var panel = Render<ClusterImport>(p => p.Add(c => c.Form, new PlannerForm()));

        panel.Find("[data-testid=cluster-import-toggle]").Click();

        Assert.Contains("none is configured", panel.Find("[data-testid=cluster-import-unavailable]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("input#import-url"));
        Assert.Empty(panel.FindAll("[data-testid=cluster-import]"));

        // Files need no server of the operator's.
        panel.Find("input[type=radio][data-testid=import-from-files]").Click();
        Assert.Single(panel.FindAll("[data-testid=cluster-import]"));
    }
}
