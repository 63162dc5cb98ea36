namespace MskPlanner.Persistence.Tests;

public sealed class ShareLinkTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();
    private PlanStore _store = default!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _store = _database.Store();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_token_carries_at_least_128_random_bits_in_url_safe_characters()
    {
        var plan = await _store.CreateAsync("Shared", null, Drafts.For(1));

        var tokens = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            tokens.Add((await _store.CreateShareAsync(plan.Plan.Id, null))!.Token);
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
        var plan = await _store.CreateAsync("Shared", null, Drafts.For(1));
        var following = await _store.CreateShareAsync(plan.Plan.Id, null);
        var pinned = await _store.CreateShareAsync(plan.Plan.Id, 1);

        await _store.SaveRevisionAsync(plan.Plan.Id, Drafts.For(2));

        Assert.Equal(2, (await _store.ResolveShareAsync(following!.Token))!.Details.Revision.Number);
        Assert.Equal(1, (await _store.ResolveShareAsync(pinned!.Token))!.Details.Revision.Number);
        Assert.Null(await _store.CreateShareAsync(plan.Plan.Id, 7));
    }

    [Fact]
    public async Task Wrong_revoked_and_deleted_links_open_nothing()
    {
        var plan = await _store.CreateAsync("Shared", null, Drafts.For(1));
        var link = await _store.CreateShareAsync(plan.Plan.Id, null);
        var other = await _store.CreateAsync("Other", null, Drafts.For(1));
        var otherLink = await _store.CreateShareAsync(other.Plan.Id, null);

        Assert.Null(await _store.ResolveShareAsync(link!.Token[..^1]));
        Assert.Null(await _store.ResolveShareAsync(""));
        Assert.Null(await _store.ResolveShareAsync(new string('a', 10_000)));

        Assert.True(await _store.RevokeShareAsync(plan.Plan.Id, link.Link.Id));
        Assert.Null(await _store.ResolveShareAsync(link.Token));
        Assert.False((await _store.ListSharesAsync(plan.Plan.Id)).Single().IsActive);
        Assert.False(await _store.RevokeShareAsync(plan.Plan.Id, otherLink!.Link.Id));

        await _store.DeleteAsync(other.Plan.Id);
        Assert.Null(await _store.ResolveShareAsync(otherLink.Token));
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var plan = await _store.CreateAsync("Shared", null, Drafts.For(1));
        var link = await _store.CreateShareAsync(plan.Plan.Id, null);

        var bytes = await File.ReadAllBytesAsync(_database.Path);
        var wal = _database.Path + "-wal";
        var all = File.Exists(wal) ? [.. bytes, .. await File.ReadAllBytesAsync(wal)] : bytes;

        Assert.DoesNotContain(link!.Token, System.Text.Encoding.ASCII.GetString(all), StringComparison.Ordinal);
    }
}
