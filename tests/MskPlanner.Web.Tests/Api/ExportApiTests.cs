using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MskPlanner.Web.Tests.Api;

public class ExportApiTests(PlannerAppFactory factory) : IClassFixture<PlannerAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("terraform", "terraform/main.tf")]
    [InlineData("cloudformation", "cloudformation/cluster.yaml")]
    [InlineData("cli", "cli/provisioned.json")]
    [InlineData("alarms", "terraform/alarms.tf")]
    [InlineData("loadtest", "loadtest/loadtest.sh")]
    public async Task A_saved_plan_exports_each_kind_with_its_files_named_for_the_plan(string kind, string file)
    {
        var id = await CreatePlanAsync("Orders EU", new { avgDataInMiBps = 50, avgDataOutMiBps = 100, partitions = 3000, brokerType = "kafka.m5.xlarge" });

        var export = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/{kind}");

        Assert.Equal("orders-eu", export!["clusterName"]!.GetValue<string>());
        Assert.Equal("kafka.m5.xlarge", export["brokerType"]!.GetValue<string>());
        var files = export["files"]!.AsArray();
        Assert.Contains(files, f => f!["path"]!.GetValue<string>() == file && f["content"]!.GetValue<string>().Length > 0);
    }

    [Theory]
    [InlineData("%1B%5B2J%1B%5D0%3Bpwned%07")]
    [InlineData("%1B%5D52%3Bc%3BZWNobyBwd25lZA%3D%3D%07")]
    [InlineData("line%0Dover")]
    [InlineData("%C2%9B31m")]
    public async Task A_plan_name_in_the_export_address_with_terminal_control_characters_is_refused_at_the_field(string name)
    {
        foreach (var kind in new[] { "cli", "zip" })
        {
            using var response = await _client.GetAsync($"/api/v1/sizing/export/{kind}?avgDataInMiBps=50&partitions=3000&plan={name}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Contains("control characters", problem!["errors"]!["plan"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_alarms_export_carries_the_alarm_table_and_the_review_its_findings()
    {
        var id = await CreatePlanAsync("Open cluster", new { avgDataInMiBps = 50, partitions = 3000, clientAuthentication = "unauthenticated", tlsInTransit = false });

        var alarms = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/alarms");
        var review = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/review");

        Assert.Contains(alarms!["alarms"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "bytes-in" && a["protects"]!.GetValue<string>().Length > 0);
        Assert.Contains(review!["review"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "authentication" && r["status"]!.GetValue<string>() == "fail");
    }

    [Fact]
    public async Task Every_file_downloads_as_one_zip_for_a_plan_a_sizing_and_a_share_link()
    {
        var id = await CreatePlanAsync("Zip me", new { avgDataInMiBps = 50, partitions = 3000 });
        using var share = await _client.PostAsJsonAsync($"/api/v1/plans/{id}/share", new { });
        var token = (await share.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        foreach (var address in new[] { $"/api/v1/plans/{id}/export/zip", "/api/v1/sizing/export/zip?avgDataInMiBps=50&partitions=3000&plan=Zip%20me", $"/api/v1/shared/{token}/export/zip" })
        {
            using var response = await _client.GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("zip-me-deploy.zip", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
            Assert.Contains(zip.Entries, e => e.FullName == "zip-me/terraform/main.tf");
            Assert.Contains(zip.Entries, e => e.FullName == "zip-me/cloudformation/alarms.yaml");
        }
    }

    [Fact]
    public async Task A_sizing_in_the_body_exports_as_the_planner_address_does()
    {
        using var posted = await _client.PostAsJsonAsync("/api/v1/sizing/export/terraform?family=M7g", new { avgDataInMiBps = 80, partitions = 2000 });
        var byBody = await posted.Content.ReadFromJsonAsync<JsonObject>();
        var byAddress = await _client.GetFromJsonAsync<JsonObject>("/api/v1/sizing/export/terraform?avgDataInMiBps=80&partitions=2000&family=M7g");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.StartsWith("kafka.m7g.", byBody!["brokerType"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(byAddress!["files"]!.ToJsonString(), byBody["files"]!.ToJsonString());
    }

    [Theory]
    [InlineData("/api/v1/sizing/export/terraform?avgDataInMiBps=50&partitions=3000&family=Express&kafkaVersion=4.1.x.kraft", "kafkaVersion")]
    [InlineData("/api/v1/sizing/export/terraform?avgDataInMiBps=50&partitions=3000&family=Z9", "family")]
    [InlineData("/api/v1/sizing/export/terraform?avgDataInMiBps=-1&partitions=3000", "avgDataInMiBps")]
    [InlineData("/api/v1/sizing/export/cli?avgDataInMiBps=50&partitions=3000&tags=team%3D%24%7Bevil%7D", "tags")]
    [InlineData("/api/v1/sizing/export/cli?avgDataInMiBps=50&partitions=3000&clusterName=a%22%3Brm%20-rf", "clusterName")]
    public async Task What_cannot_be_deployed_is_a_400_naming_the_field(string address, string field)
    {
        using var response = await _client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Theory]
    [InlineData("/api/v1/sizing/export/kubernetes?avgDataInMiBps=50&partitions=3000")]
    [InlineData("/api/v1/plans/999999/export/terraform")]
    [InlineData("/api/v1/shared/not-a-token/export/zip")]
    public async Task An_unknown_kind_plan_or_link_is_a_404_problem(string address)
    {
        using var response = await _client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_revision_exports_what_it_saved_and_the_export_changes_with_the_plan()
    {
        var id = await CreatePlanAsync("Growing", new { avgDataInMiBps = 50, partitions = 3000 });
        using var revised = await _client.PutAsJsonAsync($"/api/v1/plans/{id}", new { inputs = new { avgDataInMiBps = 400, partitions = 3000 } });

        var first = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/terraform?revision=1");
        var second = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/terraform?revision=2");

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.NotEqual(first!["files"]![0]!["content"]!.GetValue<string>(), second!["files"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_longest_settings_allowed_export_and_print_whole()
    {
        var tags = string.Join(", ", Enumerable.Range(1, 50).Select(i => $"{new string('k', 36)}{i:00}=v:/+@ {new string('w', 30)}"));
        var name = "a" + new string('-', 62) + "z";
        Assert.InRange(tags.Length, 3_500, 4_000);
        var id = await CreatePlanAsync("Longest", new { avgDataInMiBps = 50, partitions = 3000, tags, clusterName = name });

        using var zip = await _client.GetAsync($"/api/v1/plans/{id}/export/zip");
        using var pdf = await _client.GetAsync($"/api/v1/plans/{id}/summary.pdf");
        var terraform = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/terraform");

        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(name, terraform!["clusterName"]!.GetValue<string>());
        Assert.Contains($"\"{new string('k', 36)}50\" = \"v:/+@ {new string('w', 30)}\"", terraform["files"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static readonly object Moving = new
    {
        avgDataInMiBps = 50,
        peakDataInMiBps = 100,
        leaderPartitions = 1200,
        brokerType = "express.m7g.xlarge",
        migration = new
        {
            source = new { kind = "ec2", instanceType = "m5.2xlarge", brokers = 6, volumeGiBPerBroker = 2000, kafkaVersion = "3.6.0", authentication = "scram" },
            parallelRunDays = 10,
            replication = "replicator",
        },
    };

    [Fact]
    public async Task A_saved_plan_that_moves_keeps_its_migration_and_exports_the_runbook_and_the_replicators_json()
    {
        var id = await CreatePlanAsync("Move to MSK", Moving);

        var plan = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}");
        Assert.Equal(10, plan!["revision"]!["inputs"]!["migration"]!["parallelRunDays"]!.GetValue<int>());
        var export = await _client.GetFromJsonAsync<JsonObject>($"/api/v1/plans/{id}/export/migration");
        var paths = export!["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).ToList();
        Assert.Equal(["migration/RUNBOOK.md", "migration/create-topics.sh", "migration/create-replicator.json", "migration/reverse-replicator.json", "migration/verify.sh"], paths);

        using var zip = new ZipArchive(await _client.GetStreamAsync($"/api/v1/plans/{id}/export/zip"));
        Assert.Contains(zip.Entries, e => e.FullName == "move-to-msk/migration/create-replicator.json");
    }

    [Fact]
    public async Task The_migration_export_of_a_plan_that_does_not_move_or_whose_tool_cannot_serve_it_is_a_problem_at_the_field()
    {
        using var none = await _client.GetAsync("/api/v1/sizing/export/migration?avgDataInMiBps=50&partitions=3000");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.NotNull((await none.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["migration.source"]);

        // MSK Replicator copies from self-managed Kafka only onto Express: an M7g plan cannot use it.
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Moving))!.AsObject();
        body.Remove("brokerType");
        using var refused = await _client.PostAsJsonAsync("/api/v1/sizing/export/migration?family=m7g", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["migration.replication"]![0]!.GetValue<string>();
        Assert.Contains("Express", message, StringComparison.Ordinal);
    }

    private async Task<int> CreatePlanAsync(string name, object inputs)
    {
        using var created = await _client.PostAsJsonAsync("/api/v1/plans", new { name, inputs });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
    }
}
