using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

using MskPlanner.Pricing.Tests;

using Xunit.Abstractions;

namespace MskPlanner.EndToEnd.Tests.Probe;

/// <summary>The process killed mid-burst, a disk that fills up, and a fast live price list at a first start.</summary>
[Collection(SharedProbe.Name)]
public sealed class FaultProbe(ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const int Writers = 8;

    [Fact]
    public async Task Killing_the_process_during_a_burst_of_saves_loses_no_acknowledged_save()
    {
        await using var app = await ProbeApp.StartAsync();
        var planId = await app.CreatePlanAsync("Revised under fire");
        var acknowledgedPlans = new ConcurrentBag<(int Id, string Name)>();
        var acknowledgedRevisions = new ConcurrentBag<string>();
        var tried = 0;

        for (var round = 1; round <= Rounds; round++)
        {
            using var stop = new CancellationTokenSource();
            var acknowledgedThisRound = 0;
            var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    Interlocked.Increment(ref tried);
                    try
                    {
                        if (i % 2 == 0)
                        {
                            var name = $"r{round} w{writer} n{i}";
                            using var created = await app.PostJsonAsync("/api/v1/plans", Plan(name));
                            if (created.StatusCode == HttpStatusCode.Created)
                            {
                                acknowledgedPlans.Add((JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>(), name));
                                Interlocked.Increment(ref acknowledgedThisRound);
                            }
                        }
                        else
                        {
                            var comment = $"r{round} w{writer} n{i}";
                            using var revised = await app.Http.PutAsync($"/api/v1/plans/{planId}", Json(Revision(comment, i)));
                            if (revised.StatusCode == HttpStatusCode.OK)
                            {
                                acknowledgedRevisions.Add(comment);
                                Interlocked.Increment(ref acknowledgedThisRound);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The process is gone: this save was never acknowledged.
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            })).ToList();

            await Eventually.HoldsAsync(() => Volatile.Read(ref acknowledgedThisRound) >= 40);
            await app.App.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            await app.RestartAsync();
        }

        var lost = 0;
        foreach (var (id, name) in acknowledgedPlans)
        {
            using var response = await app.Http.GetAsync($"/api/v1/plans/{id}");
            lost += response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(name, StringComparison.Ordinal) ? 0 : 1;
        }

        var revisions = JsonNode.Parse(await app.Http.GetStringAsync($"/api/v1/plans/{planId}/revisions"))!.AsArray()
            .Select(r => r!["comment"]?.GetValue<string>()).ToHashSet();
        lost += acknowledgedRevisions.Count(comment => !revisions.Contains(comment));

        ProbeFigures.Report(output, $"kill -9: {Rounds} rounds, tried {tried} saves, acknowledged {acknowledgedPlans.Count + acknowledgedRevisions.Count}, lost {lost}");
        Assert.Equal(0, lost);
    }

    [Fact]
    public async Task A_full_disk_answers_503_reports_unready_loses_nothing_acknowledged_and_recovers_when_space_returns()
    {
        var volume = Path.Combine(Path.GetTempPath(), "mskplanner-probe-disk", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(volume);
        await RunAsync("mount", $"-t tmpfs -o size=12m tmpfs {volume}", "a full disk is simulated with a small tmpfs volume, which needs root (CI runs as root)");
        try
        {
            await using var app = await ProbeApp.StartAsync(volume, new Dictionary<string, string> { ["Persistence__MinFreeSpaceMiB"] = "2" });
            app.App.Expect("plan store is unavailable");
            app.App.Expect("database or disk is full");
            // EF Core logs each refused write itself, before the store turns it into a 503.
            app.App.Expect("fail: Microsoft.EntityFrameworkCore.Database.Transaction");
            app.App.Expect("fail: Microsoft.EntityFrameworkCore.Update");
            app.App.Expect("Health check plan-store with status Unhealthy");
            var acknowledged = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                acknowledged.Add(await app.CreatePlanAsync($"Before the disk filled {i}"));
            }

            var filler = Path.Combine(volume, "filler");
            Fill(filler);
            var statuses = new Dictionary<int, int>();
            for (var i = 0; i < 20; i++)
            {
                using var save = await app.PostJsonAsync("/api/v1/plans", Plan($"While full {i}", new string('x', 1500)));
                statuses[(int)save.StatusCode] = statuses.GetValueOrDefault((int)save.StatusCode) + 1;
                if (save.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add(JsonNode.Parse(await save.Content.ReadAsStringAsync())!["id"]!.GetValue<int>());
                }
                else
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
                    Assert.Contains("Nothing was saved", await save.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }

            using var unready = await app.Http.GetAsync("/healthz/ready");
            var unreadyText = await unready.Content.ReadAsStringAsync();
            File.Delete(filler);
            using var readyAgain = await app.Http.GetAsync("/healthz/ready");
            await app.RestartAsync();
            var lost = 0;
            foreach (var id in acknowledged)
            {
                lost += (await app.Http.GetAsync($"/api/v1/plans/{id}")).StatusCode == HttpStatusCode.OK ? 0 : 1;
            }

            ProbeFigures.Report(output, $"full disk: 20 saves on a full 12 MiB volume answered {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}; " +
                $"readiness {(int)unready.StatusCode} then {(int)readyAgain.StatusCode} once space returned; acknowledged {acknowledged.Count}, lost {lost}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
            Assert.Contains("free", unreadyText, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
            Assert.Equal(0, lost);
            // The app started again on the freed disk logs no error at all.
            Assert.Empty(app.App.Failures);
        }
        finally
        {
            await RunAsync("umount", volume, "the tmpfs volume is unmounted");
            Directory.Delete(volume, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_install_with_a_fast_live_price_list_starts_every_time()
    {
        await using var aws = await FakeAws.StartAsync();
        for (var start = 1; start <= 3; start++)
        {
            await using var app = await ProbeApp.StartAsync(settings: new Dictionary<string, string>
            {
                ["Pricing__Source"] = "Bulk",
                ["Pricing__BulkEndpoint"] = aws.Address.ToString(),
            });

            // The first refresh pass has read the cache once it has tried us-east-1, which the fake does not sell.
            await Eventually.HoldsAsync(() => app.App.Output.Any(l => l.Contains("us-east-1", StringComparison.Ordinal) && l.Contains("unavailable", StringComparison.Ordinal)));
            // The first sizing of the region answers at once from the snapshot and starts its download; a later
            // one has the live prices.
            await Eventually.HoldsAsync(async () =>
            {
                using var sizing = await app.PostJsonAsync("/api/v1/sizing", """{"avgDataInMiBps":10,"partitions":100,"region":"eu-west-1"}""");
                return JsonNode.Parse(await sizing.Content.ReadAsStringAsync())!["prices"]!["source"]!.GetValue<string>() == "AWS price list";
            });
            Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/healthz/ready")).StatusCode);
            Assert.DoesNotContain(app.App.Output, l => l.Contains("no such table", StringComparison.Ordinal));
        }

        ProbeFigures.Report(output, "live prices at first start: 3 of 3 fresh installs started, refreshed and stayed up");
    }

    private static string Plan(string name, string? description = null) =>
        new JsonObject { ["name"] = name, ["description"] = description, ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 12, ["partitions"] = 300 } }.ToJsonString();

    private static string Revision(string comment, int i) =>
        new JsonObject { ["inputs"] = new JsonObject { ["avgDataInMiBps"] = 10 + (i % 50), ["partitions"] = 300 }, ["comment"] = comment }.ToJsonString();

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Writes until the volume refuses another byte.</summary>
    private static void Fill(string path)
    {
        var block = new byte[256 * 1024];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full, as wanted. Fill the last few kilobytes too.
            for (var size = 4096; size > 0; size /= 2)
            {
                try
                {
                    file.Write(block.AsSpan(0, size));
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task RunAsync(string command, string arguments, string why)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"{command} did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} {arguments} failed ({why}): {error}");
    }
}
