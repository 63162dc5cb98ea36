using System.Diagnostics;

using MskPlanner.EndToEnd.Tests;

namespace MskPlanner.Benchmarks;

/// <summary>
/// How long the app takes from process start to listening, to answering /healthz, and to serving the first planner
/// page, each start on a fresh database (the first start of a new install, migrations and all). Given published
/// folders (<c>dotnet publish -o</c>), it starts each in turn, so a build with ReadyToRun and one without are
/// measured side by side in one run; with none, this checkout's build.
/// </summary>
public static class ColdStartLoad
{
    public static async Task RunAsync(int starts, IReadOnlyList<string> publishedFolders)
    {
        var builds = publishedFolders.Count == 0
            ? [(Name: "this checkout's build", Dll: (string?)null)]
            : publishedFolders.Select(f => (Name: f, Dll: (string?)Path.GetFullPath(Path.Combine(f, "MskPlanner.Web.dll")))).ToList();
        var rows = builds.ToDictionary(b => b.Name, _ => new List<(double Listening, double Health, double Page)>());
        // No cookies: each start is a new visitor, as the first page after a deploy is for most.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        for (var i = 0; i < starts; i++)
        {
            // One start of each build in turn, so a busy moment of the machine falls on all of them alike.
            foreach (var (name, dll) in builds)
            {
                var clock = Stopwatch.StartNew();
                await using var app = await RunningApp.StartAsync(app: dll);
                var listening = clock.Elapsed.TotalSeconds;
                (await http.GetAsync(new Uri(app.Address, "healthz"))).EnsureSuccessStatusCode();
                var health = clock.Elapsed.TotalSeconds;
                (await http.GetAsync(new Uri(app.Address, "?avgDataInMiBps=40&partitions=1200"))).EnsureSuccessStatusCode();
                rows[name].Add((listening, health, clock.Elapsed.TotalSeconds));
            }
        }

        Console.WriteLine($"{starts} starts each, seconds from process start (median, min-max) | listening | /healthz | first planner page");
        foreach (var (name, times) in rows)
        {
            static string Of(IEnumerable<double> seconds)
            {
                var sorted = seconds.Order().ToList();
                return $"{sorted[sorted.Count / 2]:0.00} ({sorted[0]:0.00}-{sorted[^1]:0.00})";
            }

            Console.WriteLine($"{name} | {Of(times.Select(t => t.Listening))} | {Of(times.Select(t => t.Health))} | {Of(times.Select(t => t.Page))}");
        }
    }
}
