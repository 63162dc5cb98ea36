using Microsoft.Extensions.Time.Testing;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence.Tests;

public sealed class PlanStoreOnSqliteTests() : PlanStoreTests(DatabaseProvider.Sqlite);

public sealed class PlanStoreOnPostgreSqlTests() : PlanStoreTests(DatabaseProvider.PostgreSql);

public abstract class PlanStoreTests(DatabaseProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task A_saved_plan_reloads_with_its_inputs_region_and_price_stamp()
    {
        var draft = Drafts.For(42.5, "first cut") with { SelectedFamily = BrokerFamily.M7g };

        var created = await Store.CreatePersonalAsync("  Orders cluster  ", "EU orders", draft);
        var loaded = await Store.GetAsync(Me, created.Plan.Id);

        Assert.NotNull(loaded);
        Assert.Equal("Orders cluster", loaded.Plan.Name);
        Assert.Equal("EU orders", loaded.Plan.Description);
        Assert.Equal(1, loaded.Revision.Number);
        Assert.Equal("first cut", loaded.Revision.Comment);
        Assert.Equal(draft.Inputs, loaded.Revision.Inputs);
        Assert.Equal(BrokerFamily.M7g, loaded.Revision.SelectedFamily);
        Assert.Equal(draft.Price, loaded.Revision.PricedWith);
    }

    [Fact]
    public async Task A_revision_measured_from_a_running_cluster_reloads_with_its_source_and_window_and_a_typed_one_without()
    {
        var measured = new Measurement("prod-prometheus", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var plan = await Store.CreatePersonalAsync("Measured", null, Drafts.For(10) with { MeasuredFrom = measured });

        await Store.SaveRevisionAsync(Me, plan.Plan.Id, Drafts.For(20, "typed over"));

        Assert.Equal(measured, (await Store.GetAsync(Me, plan.Plan.Id, revision: 1))!.Revision.MeasuredFrom);
        Assert.Null((await Store.GetAsync(Me, plan.Plan.Id))!.Revision.MeasuredFrom);
        Assert.Equal("prod-prometheus, 2026-11-25 09:00 to 2026-12-02 09:00 UTC", measured.Text);
    }

    [Fact]
    public async Task Every_save_adds_a_revision_and_old_ones_stay_as_they_were()
    {
        var plan = await Store.CreatePersonalAsync("Plan", null, Drafts.For(10, cost: 100m));

        await Store.SaveRevisionAsync(Me, plan.Plan.Id, Drafts.For(20, "more traffic", cost: 200m));
        await Store.SaveRevisionAsync(Me, plan.Plan.Id, Drafts.For(30, "even more", cost: 300m));

        var latest = await Store.GetAsync(Me, plan.Plan.Id);
        var first = await Store.GetAsync(Me, plan.Plan.Id, revision: 1);
        var history = await Store.ListRevisionsAsync(Me, plan.Plan.Id);
        Assert.Equal(3, latest!.Revision.Number);
        Assert.Equal(30, latest.Revision.Inputs.AvgDataInMiBps);
        Assert.Equal(300m, latest.Plan.LatestMonthlyCost);
        Assert.Equal(10, first!.Revision.Inputs.AvgDataInMiBps);
        Assert.Equal(100m, first.Revision.PricedWith.MonthlyCost);
        Assert.Equal([3, 2, 1], history!.Select(r => r.Number));
        Assert.Null(await Store.GetAsync(Me, plan.Plan.Id, revision: 4));
    }

    [Fact]
    public async Task Two_people_saving_the_same_plan_at_the_same_moment_both_keep_their_revision()
    {
        var plan = await Store.CreatePersonalAsync("Contended", null, Drafts.For(1));
        var people = Enumerable.Range(1, 8).Select(i => Database.Store()).ToArray();
        using var start = new ManualResetEventSlim();

        var saves = people.Select((store, i) => Task.Run(async () =>
        {
            start.Wait();
            return await store.SaveRevisionAsync(Me, plan.Plan.Id, Drafts.For(100 + i, $"person {i}"));
        })).ToArray();
        start.Set();
        var revisions = await Task.WhenAll(saves);

        Assert.All(revisions, Assert.NotNull);
        Assert.Equal(Enumerable.Range(2, 8), revisions.Select(r => r!.Number).Order());
        var history = await Store.ListRevisionsAsync(Me, plan.Plan.Id);
        Assert.Equal(9, history!.Count);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"person {i}").Order(), history.Where(r => r.Number > 1).Select(r => r.Comment!).Order());
        Assert.Equal(9, (await Store.GetAsync(Me, plan.Plan.Id))!.Plan.LatestRevision);
    }

    [Fact]
    public async Task Deleting_hides_one_plan_until_it_is_restored_and_leaves_the_others_alone()
    {
        var keep = await Store.CreatePersonalAsync("Keep", null, Drafts.For(1));
        var drop = await Store.CreatePersonalAsync("Drop", null, Drafts.For(2));

        Assert.True(await Store.DeleteAsync(Me, drop.Plan.Id));
        Assert.Null(await Store.GetAsync(Me, drop.Plan.Id));
        Assert.Equal(["Keep"], (await Store.ListAsync(Me, null, null, PlanSort.Name, 1, 10)).Items.Select(p => p.Name));
        Assert.Null(await Store.SaveRevisionAsync(Me, drop.Plan.Id, Drafts.For(3)));
        Assert.NotNull(await Store.GetAsync(Me, keep.Plan.Id));

        Assert.True(await Store.RestoreAsync(Me, drop.Plan.Id));
        Assert.Equal(2, (await Store.GetAsync(Me, drop.Plan.Id))!.Revision.Inputs.AvgDataInMiBps);
        Assert.False(await Store.RestoreAsync(Me, drop.Plan.Id));
    }

    [Fact]
    public async Task The_list_searches_names_sorts_and_pages()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMinutes(1) };
        var store = Database.Store(clock);
        await store.CreatePersonalAsync("Payments prod", null, Drafts.For(1, cost: 500m));
        await store.CreatePersonalAsync("payments dev", null, Drafts.For(1, cost: 50m));
        await store.CreatePersonalAsync("Clickstream", null, Drafts.For(1, cost: 5000m));
        await store.CreatePersonalAsync("100%_literal", null, Drafts.For(1, cost: null));

        Assert.Equal(["payments dev", "Payments prod"], (await store.ListAsync(Me, null, "PAYMENTS", PlanSort.Name, 1, 10)).Items.Select(p => p.Name));
        Assert.Equal(["100%_literal"], (await store.ListAsync(Me, null, "%_", PlanSort.Name, 1, 10)).Items.Select(p => p.Name));
        Assert.Equal(["100%_literal", "Clickstream"], (await store.ListAsync(Me, null, null, PlanSort.UpdatedNewest, 1, 2)).Items.Select(p => p.Name));
        Assert.Equal(["payments dev", "Payments prod", "Clickstream", "100%_literal"], (await store.ListAsync(Me, null, null, PlanSort.CostLowest, 1, 10)).Items.Select(p => p.Name));
        Assert.Equal(["Clickstream", "Payments prod", "payments dev", "100%_literal"], (await store.ListAsync(Me, null, null, PlanSort.CostHighest, 1, 10)).Items.Select(p => p.Name));

        var second = await store.ListAsync(Me, null, null, PlanSort.UpdatedNewest, 2, 3);
        Assert.Equal(4, second.Total);
        Assert.Equal(["Payments prod"], second.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task Renaming_and_describing_a_plan_keeps_its_revisions()
    {
        var plan = await Store.CreatePersonalAsync("Old name", "old", Drafts.For(1));

        var renamed = await Store.UpdateAsync(Me, plan.Plan.Id, "New name", "");

        Assert.Equal("New name", renamed!.Name);
        Assert.Null(renamed.Description);
        Assert.Equal(1, (await Store.GetAsync(Me, plan.Plan.Id))!.Revision.Number);
        Assert.Null(await Store.UpdateAsync(Me, 9999, "x", null));
    }

    [Theory]
    [InlineData("", null, null, "name")]
    [InlineData("   ", null, null, "name")]
    [InlineData("n", null, null, null)]
    [InlineData(null, null, null, null)]
    public void Plan_words_are_checked(string? name, string? description, string? comment, string? field)
    {
        var errors = PlanRules.Check(name, description, comment);

        Assert.Equal(field, errors.SingleOrDefault()?.Field);
    }

    [Fact]
    public void Names_descriptions_and_comments_have_length_limits()
    {
        var errors = PlanRules.Check(new string('n', 121), new string('d', 2001), new string('c', 501));

        Assert.Equal(["name", "description", "comment"], errors.Select(e => e.Field));
    }
}
