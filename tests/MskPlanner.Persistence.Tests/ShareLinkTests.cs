namespace MskPlanner.Persistence.Tests;

public sealed class ShareLinkOnPostgreSqlTests() : ShareLinkTests(DatabaseProvider.PostgreSql);

public sealed class ShareLinkOnSqliteTests() : ShareLinkTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var plan = await Store.CreatePersonalAsync("Shared", null, Drafts.For(1));
        var link = await Store.CreateShareAsync(Me, plan.Plan.Id, null);

        var bytes = await File.ReadAllBytesAsync(Database.Path);
        var wal = Database.Path + "-wal";
        var all = File.Exists(wal) ? [.. bytes, .. await File.ReadAllBytesAsync(wal)] : bytes;

        Assert.DoesNotContain(link!.Token, System.Text.Encoding.ASCII.GetString(all), StringComparison.Ordinal);
    }
}

public abstract class ShareLinkTests(DatabaseProvider provider) : StoreTest(provider)
{
    [Fact]
    public async Task A_link_opens_the_plan_until_it_expires_and_then_no_more_than_a_revoked_one()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var store = Database.Store(clock);
        var plan = await store.CreatePersonalAsync("Expiring", null, Drafts.For(1));
        var week = (await store.CreateShareAsync(Me, plan.Plan.Id, null, ShareLinkExpiry.Days7))!;
        var byDefault = (await store.CreateShareAsync(Me, plan.Plan.Id, null))!;
        var forever = (await store.CreateShareAsync(Me, plan.Plan.Id, null, ShareLinkExpiry.Never))!;

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await store.ResolveShareAsync(week.Token));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await store.ResolveShareAsync(week.Token));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromDays(83), byDefault.Link.ExpiresAt);
        Assert.NotNull(await store.ResolveShareAsync(byDefault.Token));
        clock.Advance(TimeSpan.FromDays(3650));
        Assert.Null(await store.ResolveShareAsync(byDefault.Token));
        Assert.Null(forever.Link.ExpiresAt);
        Assert.NotNull(await store.ResolveShareAsync(forever.Token));
        Assert.True((await store.ListSharesAsync(Me, plan.Plan.Id))!.Single(l => l.Id == week.Link.Id).IsExpiredAt(clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_token_carries_at_least_128_random_bits_in_url_safe_characters()
    {
        var plan = await Store.CreatePersonalAsync("Shared", null, Drafts.For(1));

        var tokens = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            tokens.Add((await Store.CreateShareAsync(Me, plan.Plan.Id, null))!.Token);
        }

        Assert.Equal(20, tokens.Count);
        Assert.All(tokens, t =>
        {
            Assert.True(t.Length * 6 >= 128, t);
            Assert.Matches("^[A-Za-z0-9_-]+$", t);
        });
    }

    [Fact]
    public async Task A_link_opens_the_latest_revision_and_a_pinned_link_keeps_its_revision()
    {
        var plan = await Store.CreatePersonalAsync("Shared", null, Drafts.For(1));
        var following = await Store.CreateShareAsync(Me, plan.Plan.Id, null);
        var pinned = await Store.CreateShareAsync(Me, plan.Plan.Id, 1);

        await Store.SaveRevisionAsync(Me, plan.Plan.Id, Drafts.For(2));

        Assert.Equal(2, (await Store.ResolveShareAsync(following!.Token))!.Details.Revision.Number);
        Assert.Equal(1, (await Store.ResolveShareAsync(pinned!.Token))!.Details.Revision.Number);
        Assert.Null(await Store.CreateShareAsync(Me, plan.Plan.Id, 7));
    }

    [Fact]
    public async Task Wrong_revoked_and_deleted_links_open_nothing()
    {
        var plan = await Store.CreatePersonalAsync("Shared", null, Drafts.For(1));
        var link = await Store.CreateShareAsync(Me, plan.Plan.Id, null);
        var other = await Store.CreatePersonalAsync("Other", null, Drafts.For(1));
        var otherLink = await Store.CreateShareAsync(Me, other.Plan.Id, null);

        Assert.Null(await Store.ResolveShareAsync(link!.Token[..^1]));
        Assert.Null(await Store.ResolveShareAsync(""));
        Assert.Null(await Store.ResolveShareAsync(new string('a', 10_000)));

        Assert.True(await Store.RevokeShareAsync(Me, plan.Plan.Id, link.Link.Id));
        Assert.Null(await Store.ResolveShareAsync(link.Token));
        Assert.False((await Store.ListSharesAsync(Me, plan.Plan.Id))!.Single().IsActiveAt(DateTimeOffset.UtcNow));
        Assert.False(await Store.RevokeShareAsync(Me, plan.Plan.Id, otherLink!.Link.Id));

        await Store.DeleteAsync(Me, other.Plan.Id);
        Assert.Null(await Store.ResolveShareAsync(otherLink.Token));
    }

    [Fact]
    public async Task A_deleted_or_missing_plan_has_no_share_links_to_list_until_it_is_restored()
    {
        var plan = await Store.CreatePersonalAsync("Shared then deleted", null, Drafts.For(1));
        await Store.CreateShareAsync(Me, plan.Plan.Id, null);
        Assert.Single((await Store.ListSharesAsync(Me, plan.Plan.Id))!);

        await Store.DeleteAsync(Me, plan.Plan.Id);

        Assert.Null(await Store.ListSharesAsync(Me, plan.Plan.Id));
        Assert.Null(await Store.ListSharesAsync(Me, 987654));
        await Store.RestoreAsync(Me, plan.Plan.Id);
        Assert.Single((await Store.ListSharesAsync(Me, plan.Plan.Id))!);
    }
}
