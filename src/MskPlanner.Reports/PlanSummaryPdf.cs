using MskPlanner.Deployment;
using MskPlanner.Sizing;

namespace MskPlanner.Reports;

/// <summary>
/// A plan's cost summary: workload, recommended picks, cost breakdown and chart, figures, advice; then an appendix
/// for whoever builds the cluster: its settings, the best-practice review and the alarms sized to the plan.
/// </summary>
internal static class PlanSummaryPdf
{
    public static byte[] Render(PlanReport report, PaperSize paper)
    {
        var result = report.Result;
        var prices = result.Prices;
        // The title a viewer shows in its tab and a file list: which plan, at which revision.
        var revision = report.Revision is not { } number ? null
            : report.Unsaved ? $"unsaved changes to revision {number}" : $"revision {number}";
        using var layout = new PdfLayout(paper, report.PlanName is null
            ? "MSK cost summary: unsaved plan"
            : $"{report.PlanName}{(revision is null ? "" : $", {revision}")}");

        layout.Title("Amazon MSK cost summary");
        layout.Paragraph(report.PlanName is null ? "Unsaved plan from the MskPlanner planner" : $"Plan: {report.PlanName}{(revision is null ? "" : $" ({revision})")}", bold: true);
        if (report.Description is { } description)
        {
            layout.Paragraph(description);
        }

        if (report.MeasuredFrom is { } measured)
        {
            layout.Paragraph($"Workload measured from {measured}.");
        }

        layout.Paragraph($"Generated {Figures.When(report.GeneratedAt)}. Region {result.Input.Region}. " +
            $"Prices: {Figures.Prices(prices)}.{(prices.Note is null ? "" : " " + prices.Note)}");

        layout.Heading("Workload");
        var inputs = InputCatalog.All.Where(d => d.Section != InputSection.Cluster).Select(d => (Label: d.Heading, Value: d.Shown(result.Input))).ToList();
        var half = (inputs.Count + 1) / 2;
        layout.Table(
            [new("Input", 3), new("Value", 1.4, AlignRight: true), new("Input", 3), new("Value", 1.4, AlignRight: true)],
            [.. Enumerable.Range(0, half).Select(i => new TableRow([
                inputs[i].Label, inputs[i].Value,
                i + half < inputs.Count ? inputs[i + half].Label : "", i + half < inputs.Count ? inputs[i + half].Value : ""]))]);

        layout.Heading("Recommended per family");
        var headline = PlanHeadline.Pick(result, report.Family);
        layout.Table(
            [new("Family", 1.2), new("Broker type", 2.4), new("Brokers", 1, AlignRight: true), new("Binding limit", 1.8), new("Monthly", 1.6, AlignRight: true), new("Yearly", 1.7, AlignRight: true)],
            [.. result.Recommended.Select(pick => pick.Option is { } o
                ? new TableRow([
                    pick.Family.ToString() + (pick == headline ? " (costed by)" : ""),
                    o.Type.Name + (o.Type.IsBurstable ? ", development and test only" : "") + (pick.Split is { } s ? $", {s.Clusters} clusters of {s.BrokersPerCluster}" : ""),
                    o.Brokers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    Names.Of(o.BindingLimit).Label,
                    Figures.Usd(o.MonthlyCost?.Total),
                    Figures.Usd(o.MonthlyCost?.Total * 12)], Highlight: pick == headline)
                : new TableRow([pick.Family.ToString(), pick.Reason, "", "", "", ""]))]);

        if (headline?.Option is { MonthlyCost: { } cost } option)
        {
            layout.Heading($"Cost breakdown: {option.Brokers:N0} x {option.Type.Name}");
            layout.Table(
                [new("Component", 3), new("Monthly, USD", 1.5, AlignRight: true), new("Yearly, USD", 1.5, AlignRight: true)],
                [
                    .. CostParts.All.Select(p => new TableRow([p.Name, Figures.Usd(p.Value(cost)), Figures.Usd(p.Value(cost) * 12)])),
                    new TableRow(["Total", Figures.Usd(cost.Total), Figures.Usd(cost.Total * 12)], Bold: true),
                ]);
        }

        var picks = result.Recommended.Where(r => r.Option?.MonthlyCost is not null).Select(r => r.Option!).ToList();
        if (picks.Count > 0)
        {
            layout.Heading("Monthly cost of each recommended pick", PdfLayout.StackedBarsHeight(picks.Count));
            layout.StackedBars(
                [.. picks.Select(o => $"{o.Brokers:N0} x {o.Type.Name}")],
                [.. CostParts.In(picks.Select(o => o.MonthlyCost!)).Select(p => new ChartSeries(p.Name, [.. picks.Select(o => (double)p.Value(o.MonthlyCost!))], p.Colour))],
                v => Figures.Usd((decimal)v));
        }

        if (result.Input.Workload is { } workload)
        {
            Streams(layout, workload);
        }

        if (result.Serverless is { } serverless)
        {
            Serverless(layout, serverless);
        }

        if (result.Growth is { } growth)
        {
            Growth(layout, growth);
        }

        layout.Heading("Storage and network");
        var storage = result.Storage;
        var network = result.Network;
        layout.Table(
            [new("Figure", 3), new("Value", 1.6, AlignRight: true)],
            [
                new(["Retained data with replicas", $"{Figures.Number(storage.DataGiB, "#,0")} GiB"]),
                new(["EBS to provision (Standard brokers)", $"{Figures.Number(storage.EbsGiB, "#,0")} GiB"]),
                new(["Tiered storage", $"{Figures.Number(storage.TieredGiB, "#,0")} GiB"]),
                new(["Express storage (one copy)", $"{Figures.Number(storage.ExpressGiB, "#,0")} GiB"]),
                new(["Peak data in / out", $"{Figures.Number(network.PeakInMiBps)} / {Figures.Number(network.PeakOutMiBps)} MiB/s"]),
                new(["Replication between brokers (not billed by MSK)", $"{Figures.Number(network.ReplicationMiBps)} MiB/s"]),
                new(["Cross-AZ transfer", $"{Figures.Number(network.CrossAzGiBPerMonth, "#,0")} GiB / month"]),
            ]);

        var selfManaged = picks.Where(o => o.SelfManaged is not null).ToList();
        if (selfManaged.Count > 0)
        {
            layout.Heading("MSK compared with self-managed Kafka on EC2");
            layout.Table(
                [new("Option", 2.6), new("MSK / month", 1.5, AlignRight: true), new("EC2 / month", 1.5, AlignRight: true), new("EC2 minus MSK", 1.5, AlignRight: true)],
                [.. selfManaged.Select(o => new TableRow([
                    $"{o.Brokers:N0} x {o.Type.Name}", Figures.Usd(o.MonthlyCost!.Total), Figures.Usd(o.SelfManaged!.Total), Figures.SignedUsd(o.SelfManaged.Total - o.MonthlyCost.Total)]))]);
            layout.Paragraph("EC2: the same brokers, gp3 volumes, three KRaft controllers and billed cross-AZ replication. It leaves out the operations MSK does: patching, broker replacement, monitoring and upgrades.", small: true);
        }

        var blueprint = ClusterBlueprint.From(result, report.Family, report.PlanName);
        if ((blueprint.Value?.Migration ?? MigrationEngine.For(result, report.Family)) is { } move)
        {
            Migration(layout, move, result.Rates?.Migration);
        }

        layout.Heading("Advice");
        foreach (var advice in PlanAdvice.For(result, report.Family).Where(a => !blueprint.Succeeded || !PlanReview.CoveredAdvice.Contains(a.Code)).OrderByDescending(a => a.Severity))
        {
            layout.Paragraph($"{(advice.Severity == AdviceSeverity.Info ? "" : advice.Severity.ToString().ToUpperInvariant() + ": ")}{advice.Message}", bold: advice.Severity != AdviceSeverity.Info);
            layout.Paragraph(advice.Reason, small: true);
        }

        Appendix(layout, result, blueprint);
        HowWorkedOut(layout, result, headline?.Option);

        return layout.Finish($"MskPlanner {report.AppVersion}{(report.ShareLink is { } link ? $" | {link}" : "")}");
    }

    /// <summary>The move onto the plan's cluster: its cost beside the new cluster's month, the replication sized, and the runbook's steps.</summary>
    private static void Migration(PdfLayout layout, MigrationPlan move, MigrationRates? rates)
    {
        layout.Heading($"Migration: {move.Input.ParallelRunDays} days with both clusters");
        if (move.ToolProblem is { } problem)
        {
            layout.Paragraph($"{MigrationEngine.ToolName(move.Input.Tool)} cannot serve this move: {problem}", bold: true);
        }

        if (move.Cost is { } cost)
        {
            layout.Table(
                [new("For the window", 2.4), new("USD", 1.3, AlignRight: true), new("How", 4.3)],
                [
                    new(["The source cluster", Figures.Usd(cost.Source), cost.How?.Source ?? ""]),
                    new([$"The new cluster ({move.Target.Brokers} x {move.Target.Type.Name})", Figures.Usd(cost.Target), cost.How?.Target ?? ""]),
                    new([MigrationEngine.ToolName(move.Input.Tool), Figures.Usd(cost.Replication), cost.How?.Replication ?? ""]),
                    new([$"Transfer ({Figures.Number(move.CopiedGiB, "#,0")} GiB copied)", Figures.Usd(cost.Transfer), cost.How?.Transfer ?? ""]),
                    new(["The move in all", Figures.Usd(cost.Total), ""], Bold: true),
                    new(["The new cluster a month, for comparison", Figures.Usd(move.TargetMonthly), ""]),
                ]);
        }

        foreach (var note in move.Notes)
        {
            layout.Paragraph(note, small: true);
        }

        if (move.Replication is { } replication)
        {
            layout.Paragraph($"Replication: {replication.Reason} The retained data copies in about {Figures.Number(replication.BackfillHours, "#,0.#")} hours.");
        }

        foreach (var tool in move.UnavailableTools)
        {
            layout.Paragraph($"Not offered: {MigrationEngine.ToolName(tool.Tool)}. {tool.Reason}", small: true);
        }

        layout.Table(
            [new("Step", 2.4), new("Checks", 4), new("Takes", 2)],
            [.. move.Steps.Select((step, i) => new TableRow([$"{i + 1}. {step.Title}", step.Checks, step.Duration]))]);
        layout.Paragraph($"Rates: {rates?.Source ?? "none on this price sheet"}. The commands and files are in the deploy zip's migration folder.", small: true);
    }

    /// <summary>The explanations of the costed pick's figures, storage, network and Serverless: each formula with this plan's values and its constants' sources.</summary>
    private static void HowWorkedOut(PdfLayout layout, SizingResult result, BrokerOption? costedBy)
    {
        layout.Heading("Appendix: how the figures were worked out");
        var explained = Explain.Storage(result).Concat(Explain.Network(result));
        if (costedBy is not null)
        {
            explained = Explain.ForOption(result, costedBy).Concat(explained);
        }

        if (result.Serverless is { } serverless)
        {
            explained = explained.Concat(Explain.ForServerless(result, serverless));
        }

        foreach (var (_, e) in explained)
        {
            layout.Paragraph($"{e.Figure}: {e.Value}", bold: true);
            layout.Paragraph($"Formula: {e.Formula}", small: true);
            layout.Paragraph($"This plan: {e.Working}", small: true);
            if (e.Constants.Count > 0)
            {
                layout.Paragraph("Constants: " + string.Join("; ", e.Constants.Select(c => $"{c.Name} = {c.Value} ({c.Source})")), small: true);
            }
        }
    }

    private static void Streams(PdfLayout layout, WorkloadTotals workload)
    {
        layout.Heading("Streams");
        layout.Table(
            [new("Stream", 2.4), new("Msg/s (peak)", 1.5, AlignRight: true), new("Size, codec", 1.5), new("In MiB/s (peak)", 1.4, AlignRight: true),
                new("Groups", 0.8, AlignRight: true), new("Retention", 0.9, AlignRight: true), new("Partitions", 1.1, AlignRight: true)],
            [.. workload.Streams.Select(s => new TableRow([
                s.Name,
                $"{Figures.Number(s.MessagesPerSecond, "#,0.#")} ({Figures.Number(s.PeakMessagesPerSecond, "#,0.#")})",
                $"{Figures.Number(s.MessageBytes, "#,0")} B, {s.Compression} {Figures.Number(s.CompressionRatio)}x",
                $"{Figures.Number(s.AvgDataInMiBps, "#,0.###")} ({Figures.Number(s.PeakDataInMiBps, "#,0.###")})",
                s.ConsumerGroups.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                $"{Figures.Number(s.RetentionHours, "#,0.#")} h",
                s.LeaderPartitions.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (s.PartitionsSuggested ? "*" : "")]))]);
        layout.Paragraph($"The streams add up to the workload above: data in and out summed, retention weighted by bytes, partitions as leaders x RF." +
            (workload.Streams.Any(s => s.PartitionsSuggested) ? $" * Suggested: {Workload.SuggestionRule}." : ""), small: true);
    }

    private static void Serverless(PdfLayout layout, ServerlessOption serverless)
    {
        layout.Heading("MSK Serverless, as an alternative");
        if (serverless.MonthlyCost is { } cost)
        {
            layout.Table(
                [new("Component", 3), new("Monthly, USD", 1.5, AlignRight: true), new("Yearly, USD", 1.5, AlignRight: true)],
                [
                    new TableRow(["Cluster", Figures.Usd(cost.Cluster), Figures.Usd(cost.Cluster * 12)]),
                    new TableRow([Figures.Count(serverless.LeaderPartitions, "leader partition"), Figures.Usd(cost.Partitions), Figures.Usd(cost.Partitions * 12)]),
                    new TableRow([$"Storage, {Figures.Number(serverless.StorageGiB, "#,0")} GiB (one copy)", Figures.Usd(cost.Storage), Figures.Usd(cost.Storage * 12)]),
                    new TableRow(["Data in", Figures.Usd(cost.DataIn), Figures.Usd(cost.DataIn * 12)]),
                    new TableRow(["Data out", Figures.Usd(cost.DataOut), Figures.Usd(cost.DataOut * 12)]),
                    new TableRow(["Total", Figures.Usd(cost.Total), Figures.Usd(cost.Total * 12)], Bold: true),
                ]);
            layout.Paragraph($"Rates: {serverless.RatesSource}.", small: true);
        }
        else
        {
            layout.Paragraph(serverless.UnavailableReason ?? "", bold: true);
        }

        layout.Table(
            [new("Serverless quota", 3), new("This workload", 1.6, AlignRight: true), new("Cap", 1.6, AlignRight: true), new("Fits", 0.8)],
            [.. serverless.Checks.Select(c => new TableRow([c.Limit.Label, Figures.Number(c.Demand), Figures.Number(c.Limit.Cap), c.Fits ? "yes" : "no"], Highlight: !c.Fits))]);
        layout.Paragraph("Quotas from the MSK developer guide's Serverless table, not checked against AWS's live page here; per-partition figures assume traffic spread evenly.", small: true);
    }

    private static void Growth(PdfLayout layout, GrowthProjection growth)
    {
        var billed = Math.Max(1, growth.Months.Count - 1);
        var last = growth.Months[^1];
        layout.Heading($"Growth over {billed} months");
        layout.Table(
            [new("Family", 1.1), new("Now", 2.6), new($"Month {last.Month}", 2.6), new("Resizes", 3.2), new($"Total, {billed} months", 1.8, AlignRight: true)],
            [.. Enum.GetValues<BrokerFamily>().Select(family => new TableRow([
                family + (family == growth.CheapestOverHorizon ? " (cheapest)" : ""),
                Pick(growth.Months[0], family),
                Pick(last, family),
                string.Join("; ", growth.Resizes.Where(r => r.Family == family).Select(r => $"month {r.Month}: {r.FromBrokers:N0} x {r.FromInstanceType} to {r.ToBrokers:N0} x {r.ToInstanceType}{Instead(r)}")) is { Length: > 0 } resizes ? resizes : "none",
                Figures.Usd(growth.TotalCost[family])], Highlight: family == growth.CheapestOverHorizon))]);
        layout.Paragraph(GrowthEngine.VolumesOnlyGrow, small: true);
        if (growth.EndsEarlyAt is { } month)
        {
            layout.Paragraph($"In month {month} the traffic would pass 100,000 MiB/s, more than one plan can size; the projection stops there.", small: true);
        }

        static string Instead(Resize resize) => resize.Instead is { } other ? $" (or {other.Brokers:N0} x {other.InstanceType})" : "";

        static string Pick(GrowthMonth month, BrokerFamily family) =>
            month.Picks.Single(p => p.Family == family) is { InstanceType: { } type, Brokers: { } brokers, MonthlyTotal: { } total }
                ? $"{brokers:N0} x {type}, {Figures.Usd(total)}/month"
                : "not available";
    }

    private static void Appendix(PdfLayout layout, SizingResult result, Outcome<ClusterBlueprint> blueprint)
    {
        layout.Heading("Appendix: deploying the cluster");
        layout.Table(
            [new("Cluster setting", 3), new("Value", 3)],
            [.. InputCatalog.Cluster.Select(d => new TableRow([d.Label, d.Shown(result.Input)]))]);
        if (blueprint.Value is not { } plan)
        {
            layout.Paragraph($"These settings cannot be deployed as they stand: {string.Join(" ", blueprint.Errors.Select(e => e.Message))}", bold: true);
            return;
        }

        layout.Paragraph($"Deploys {plan.ClusterName}: {plan.BrokersPerCluster:N0} x {plan.Type.Name}, Kafka {plan.KafkaVersion}, {plan.Zones} AZs" +
            (plan.Clusters > 1 ? $", as {plan.Clusters} clusters like it." : ".") + " The Terraform, CloudFormation, CLI and load-test files are in MskPlanner's Deploy section.");

        layout.Heading("Best-practice review");
        layout.Table(
            [new("Result", 0.8), new("Practice", 2.2), new("Finding", 5)],
            [.. PlanReview.For(plan).OrderByDescending(i => i.Status).Select(i => new TableRow([i.Status.ToString(), i.Practice, i.Finding], Bold: i.Status == ReviewStatus.Fail))]);

        layout.Heading("Alarms sized to the plan");
        layout.Table(
            [new("Alarm", 2), new("Fires when", 2.2), new("What it protects; what to do", 5)],
            [.. Alarms.For(plan).Select(a => new TableRow([
                $"{a.Title} ({(a.Scope == AlarmScope.Broker ? "each broker" : "cluster")})", $"{a.Condition} for {a.Duration}", $"{a.Protects} When it fires: {a.WhenItFires}"]))]);
    }
}
