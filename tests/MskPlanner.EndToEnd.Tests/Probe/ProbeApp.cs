using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using MskPlanner.Testing;

using Xunit.Abstractions;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>The app as its own process over a data folder of the probe's own, restartable on the same data.</summary>
public sealed class ProbeApp : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private ProbeApp(string folder, Dictionary<string, string> environment, RunningApp app)
    {
        Folder = folder;
        _environment = environment;
        App = app;
        Http = NewClient(app);
    }

    public string Folder { get; }

    public RunningApp App { get; private set; }

    public HttpClient Http { get; private set; }

    public static async Task<ProbeApp> StartAsync(string? databaseFolder = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mskplanner-probe", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Persistence__DatabasePath"] = Path.Combine(databaseFolder ?? folder, "plans.db") };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return new ProbeApp(folder, environment, await RunningApp.StartAsync(environment));
    }

    /// <summary>Starts the app again on the same database, as an operator would after a crash.</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(_environment);
        Http = NewClient(App);
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        await Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<int> CreatePlanAsync(string name, string? description = null, string? comment = null, double avgIn = 20)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["comment"] = comment,
            ["inputs"] = new JsonObject { ["avgDataInMiBps"] = avgIn, ["partitions"] = 600 },
        };
        using var response = await PostJsonAsync("/api/v1/plans", body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static HttpClient NewClient(RunningApp app) => new() { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
}

/// <summary>The probe's figures: in the test output, and in artifacts/probe/figures.txt for the closing note.</summary>
public static class ProbeFigures
{
    private static readonly Lock Gate = new();

    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        var file = Path.Combine(Repository.Root, "artifacts", "probe", "figures.txt");
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.AppendAllText(file, $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
        }
    }
}

// Alone, after the browser tests: run beside them, the fuzzing starved their circuits on a loaded CI machine.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedProbe
{
    /// <summary>The probe's classes start apps of their own and load the machine: one at a time, with nothing beside them.</summary>
    public const string Name = "probe";
}
