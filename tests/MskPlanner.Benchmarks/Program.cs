using BenchmarkDotNet.Running;

using MskPlanner.Benchmarks;

// "plans [count]" runs the saved-plans load driver; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "plans")
{
    await PlanStoreLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point for BenchmarkSwitcher.</summary>
public partial class Program;
