using BenchmarkDotNet.Running;

using MskPlanner.Benchmarks;

// "plans [count] [Sqlite|PostgreSql]", "offers [MiB]", "import [topics] [days]", "regions [count]", "circuits [count] [earlier checkouts...]", "coldstart [count] [published folders...]" and "typing [counts...]" run the load drivers; anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "plans":
        await PlanStoreLoad.RunAsync(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
            args.Length > 2 ? Enum.Parse<MskPlanner.Persistence.DatabaseProvider>(args[2], ignoreCase: true) : MskPlanner.Persistence.DatabaseProvider.Sqlite);
        return;
    case "regions":
        await RegionRefreshLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30, 512);
        return;
    case "circuits":
        await CircuitMemoryLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40, [.. args.Skip(2)]);
        return;
    case "typing":
        await TypingLoad.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [1, 10, 50]);
        return;
    case "coldstart":
        await ColdStartLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5, [.. args.Skip(2)]);
        return;
    case "import":
        await ImportLoad.RunAsync(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7);
        return;
    case "offers":
        await OfferParsingLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500);
        return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point for BenchmarkSwitcher.</summary>
public partial class Program;
