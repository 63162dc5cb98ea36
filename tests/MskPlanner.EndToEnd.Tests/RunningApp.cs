using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>
/// The app as a user runs it: its own process, from its own build output, in Development (as
/// <c>dotnet run</c> starts it), on a free loopback port.
/// </summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    /// <summary>The database folder of an app started without one of the test's: its own, removed with it.</summary>
    private string? _ownFolder;

    private readonly System.Collections.Concurrent.ConcurrentBag<string> _expected = [];

    private bool _disposed;

    private RunningApp(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>The app's process id, for reading its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the app has written to its console so far: its log.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>
    /// Error-level entries in the log (a crashed circuit is one), each with its indented lines (the message and the first of the stack), leaving out those
    /// the test provokes on purpose: what "no error in the log" is checked against.
    /// </summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var lines = _output.ToList();
            return [.. lines
                .Select((line, i) => (line, i))
                .Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
                .Select(l => string.Join('\n', [l.line, .. lines.Skip(l.i + 1).TakeWhile(line => line.StartsWith(' ')).Take(12)]))
                .Where(entry => !_expected.Any(text => entry.Contains(text, StringComparison.Ordinal)))];
        }
    }

    /// <summary>An error the test provokes on purpose (a provider that is down, a full disk): entries holding this text are not failures.</summary>
    public void Expect(string text) => _expected.Add(text);

    /// <summary>Ends the process at once, as kill -9 does: no shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the app to stop, as an orchestrator does: SIGTERM, then its own graceful shutdown.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The exit code once the app has ended by itself, or null if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <param name="app">The app's assembly; by default this checkout's build. Load drivers pass an earlier build to compare.</param>
    public static async Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string>? environment = null, string urls = "http://127.0.0.1:0", string? app = null)
    {
        var configuration = typeof(RunningApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        app ??= Path.Combine(Repository.Root, "src", "MskPlanner.Web", "bin", configuration, "net10.0", "MskPlanner.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", urls])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // Never the internet: the bundled snapshot, unless a test points the app at its fake AWS.
        start.Environment["Pricing__Source"] = "Snapshot";
        // The browser tests and the probes all come from one address; the limiter has tests of its own.
        start.Environment["RateLimits__SizingPerMinute"] = "1000000";
        start.Environment["RateLimits__SharedViewsPerMinute"] = "1000000";
        // Each app its own database unless the test gives one: the default file beside the app would carry one
        // test's plans, and an earlier build's migrations, into the next.
        string? ownFolder = null;
        if (environment?.ContainsKey("Persistence__DatabasePath") != true && environment?.ContainsKey("Persistence__Provider") != true)
        {
            ownFolder = Path.Combine(Path.GetTempPath(), "mskplanner-app", Guid.NewGuid().ToString("N"));
            start.Environment["Persistence__DatabasePath"] = Path.Combine(ownFolder, "plans.db");
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {app}.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        // Kestrel says where it listens before the app may refuse that address; a refusal is the test's to see.
        if (started != listening.Task && listening.Task.IsCompleted)
        {
            started = listening.Task;
        }

        if (started != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            if (ownFolder is not null && Directory.Exists(ownFolder))
            {
                Directory.Delete(ownFolder, recursive: true);
            }

            throw new InvalidOperationException("The app did not start:\n" + string.Join('\n', output));
        }

        return new RunningApp(process, await listening.Task, output) { _ownFolder = ownFolder };
    }

    /// <summary>
    /// Stops the app as an orchestrator does and fails if its log holds an error: an operator's alerting pages on
    /// those, so a journey that works but logs one is still broken. A graceful stop lets the circuits that closed
    /// pages ended finish their teardown, where such errors are logged, before the log is read. An app that had
    /// already ended (refused to start, or was killed) is a test's own case, and its log the test's to read.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var ranToTheEnd = !_process.HasExited;
        if (ranToTheEnd)
        {
            await TerminateAsync();
            if (await ExitCodeAsync(TimeSpan.FromSeconds(30)) is null)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        if (_ownFolder is not null && Directory.Exists(_ownFolder))
        {
            Directory.Delete(_ownFolder, recursive: true);
        }

        if (ranToTheEnd && Failures.Count > 0)
        {
            throw new InvalidOperationException("The app logged errors:\n\n" + string.Join("\n\n", Failures));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
