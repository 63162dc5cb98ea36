using System.Globalization;

using MskPlanner.Persistence;
using MskPlanner.Sizing;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Services;

/// <summary>What to put in a comparison column: a saved plan (at a revision), or inputs of a variant.</summary>
public sealed record CompareItem(int? PlanId = null, int? Revision = null, string? Label = null, SizingRequest? Inputs = null, BrokerFamily? Family = null)
{
    /// <summary>Parses "12" or "12@3" (plan 12 at revision 3), as comparison addresses write them.</summary>
    public static CompareItem? Parse(string text)
    {
        var parts = text.Split('@');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var plan))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new CompareItem(plan);
        }

        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? new CompareItem(plan, revision) : null;
    }
}

/// <summary>The questions users ask most of one plan.</summary>
public enum VariantKind
{
    Families,
    Zones,
    Retention,
}

/// <summary>Puts two to four plans, revisions or variants side by side.</summary>
public sealed class ComparisonService(PlanStore store, SizingService sizing)
{
    private static readonly BrokerFamily[] AllFamilies = [BrokerFamily.T3, BrokerFamily.M5, BrokerFamily.M7g, BrokerFamily.Express];
    private static readonly int[] ZoneVariants = [2, 3];
    private static readonly double[] RetentionVariants = [24, 72, 168];

    public const int MinColumns = 2;
    public const int MaxColumns = 4;

    /// <summary>
    /// The comparison page's address, which its PDF link repeats: items=12,15@3 (plans, or plans at revisions), or
    /// plan=12&amp;revision=3&amp;variants=zones. Anything typed there gets a message, not an error page.
    /// </summary>
    public Task<Outcome<Comparison>> FromAddressAsync(Caller caller, string? items, string? plan, string? revision, string? variants, CancellationToken cancellationToken = default)
    {
        if (!QueryNumber.IsValid(plan) || !QueryNumber.IsValid(revision))
        {
            return Task.FromResult(Outcome.Failure<Comparison>(new FieldError("plan", "Name the plan and revision by number: compare?plan=12&revision=3&variants=zones.")));
        }

        if (QueryNumber.Parse(plan) is { } planId)
        {
            return EnumText.TryParse<VariantKind>(variants, out var kind)
                ? VariantsAsync(caller, planId, QueryNumber.Parse(revision), kind, cancellationToken)
                : Task.FromResult(Outcome.Failure<Comparison>(new FieldError("variants", "Choose variants: families, zones or retention.")));
        }

        var parsed = (items ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CompareItem.Parse).ToList();
        return parsed.Any(i => i is null)
            ? Task.FromResult(Outcome.Failure<Comparison>(new FieldError("items", "Name plans as 12 or 12@3 (plan 12 at revision 3), separated by commas.")))
            : CompareAsync(caller, [.. parsed.OfType<CompareItem>()], cancellationToken);
    }

    public async Task<Outcome<Comparison>> CompareAsync(Caller caller, IReadOnlyList<CompareItem> items, CancellationToken cancellationToken = default)
    {
        if (items.Count is < MinColumns or > MaxColumns)
        {
            return Outcome.Failure<Comparison>([new FieldError("items", $"Compare {MinColumns} to {MaxColumns} plans; {items.Count} were given.")]);
        }

        var columns = new List<ComparisonColumn>();
        var errors = new List<FieldError>();
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            var column = await ColumnAsync(caller, item, $"items[{index}]", cancellationToken);
            if (column.Succeeded)
            {
                columns.Add(column.Value);
            }
            else
            {
                errors.AddRange(column.Errors);
            }
        }

        return errors.Count > 0 ? Outcome.Failure<Comparison>(errors) : Outcome.Success(Comparison.Of(columns));
    }

    /// <summary>Variants of one plan: its families side by side, 2 vs 3 AZs, or 1, 3 and 7 days of retention.</summary>
    public async Task<Outcome<Comparison>> VariantsAsync(Caller caller, int planId, int? revision, VariantKind kind, CancellationToken cancellationToken = default)
    {
        var plan = await store.GetAsync(caller, planId, revision, cancellationToken);
        if (plan is null)
        {
            return Outcome.Failure<Comparison>([new FieldError("planId", $"There is no plan {planId}{(revision is null ? "" : $" with revision {revision}")}.")]);
        }

        var inputs = plan.Revision.Inputs;
        var name = plan.Plan.Name;
        if (kind == VariantKind.Families)
        {
            return await CompareAsync(caller, [.. AllFamilies.Select(f => new CompareItem(Label: $"{name}: {f}", Inputs: inputs, Family: f))], cancellationToken);
        }

        IReadOnlyList<(string Label, SizingRequest Inputs)> variants = kind == VariantKind.Zones
            ? [.. ZoneVariants.Select(a => ($"{name}: {a} AZs", inputs with { AvailabilityZones = a }))]
            : [.. RetentionVariants.Select(h => ($"{name}: {h:0} h retention", inputs with { RetentionHours = h, PrimaryRetentionHours = null }))];

        // Like for like: every column costed by one family, or a difference would read as the variant's when it is
        // the family's (M7g at 2 AZs against Express at 3). The plan's own family if it has one; else the cheapest
        // that every variant can have, named in the labels.
        var family = plan.Revision.SelectedFamily ?? await CommonFamilyAsync([.. variants.Select(v => v.Inputs)], cancellationToken);
        var named = plan.Revision.SelectedFamily is null && family is not null;
        IReadOnlyList<CompareItem> items = [.. variants.Select(v => new CompareItem(Label: named ? $"{v.Label} ({family})" : v.Label, Inputs: v.Inputs, Family: family))];
        return await CompareAsync(caller, items, cancellationToken);
    }

    /// <summary>
    /// The production family whose pick exists in every variant and is cheapest for the first, or null when no
    /// family fits them all (or a variant does not size: its column says why).
    /// </summary>
    private async Task<BrokerFamily?> CommonFamilyAsync(IReadOnlyList<SizingRequest> variants, CancellationToken cancellationToken)
    {
        var results = new List<SizingResult>();
        foreach (var variant in variants)
        {
            if ((await sizing.SizeAsync(variant, cancellationToken)).Value is not { } result)
            {
                return null;
            }

            results.Add(result);
        }

        return PlanHeadline.Suited(results[0])
            .Select(r => r.Family)
            .Where(f => PlanHeadline.Production.Contains(f) && results.All(r => PlanHeadline.Pick(r, f) is not null))
            .Cast<BrokerFamily?>()
            .FirstOrDefault();
    }

    private async Task<Outcome<ComparisonColumn>> ColumnAsync(Caller caller, CompareItem item, string field, CancellationToken cancellationToken)
    {
        string label;
        string? link = null;
        SizingRequest inputs;
        var family = item.Family;
        if (item.PlanId is { } planId)
        {
            var plan = await store.GetAsync(caller, planId, item.Revision, cancellationToken);
            if (plan is null)
            {
                return Outcome.Failure<ComparisonColumn>(new FieldError(field, $"There is no plan {planId}{(item.Revision is null ? "" : $" with revision {item.Revision}")}."));
            }

            label = item.Revision is null ? plan.Plan.Name : $"{plan.Plan.Name} (revision {plan.Revision.Number})";
            link = item.Revision is null ? $"plans/{planId}" : $"plans/{planId}?revision={plan.Revision.Number}";
            inputs = plan.Revision.Inputs;
            family ??= plan.Revision.SelectedFamily;
        }
        else if (item.Inputs is { } given)
        {
            label = item.Label ?? "Variant";
            inputs = given;
        }
        else
        {
            return Outcome.Failure<ComparisonColumn>(new FieldError(field, "Name a plan (planId) or give inputs."));
        }

        var outcome = await sizing.SizeAsync(inputs, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Outcome.Failure<ComparisonColumn>(new FieldError(field, string.Join(" ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}"))));
        }

        var result = outcome.Value;
        return Outcome.Success(new ComparisonColumn(label, link, result, PlanHeadline.Pick(result, family), family));
    }
}
