using Microsoft.Extensions.Time.Testing;

namespace MskPlanner.Persistence.Tests;

public sealed class ApiTokenOnPostgreSqlTests() : ApiTokenTests(DatabaseProvider.PostgreSql);

public sealed class ApiTokenOnSqliteTests() : ApiTokenTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Only_a_hash_of_the_secret_is_stored()
    {
        var created = await Tokens.CreateAsync("alice", "Alice", "CI", TimeSpan.FromDays(30));

        var bytes = await File.ReadAllBytesAsync(Database.Path);
        var wal = Database.Path + "-wal";
        var all = File.Exists(wal) ? [.. bytes, .. await File.ReadAllBytesAsync(wal)] : bytes;

        Assert.DoesNotContain(created.Secret, System.Text.Encoding.ASCII.GetString(all), StringComparison.Ordinal);
    }
}

public abstract class ApiTokenTests(DatabaseProvider provider) : StoreTest(provider)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected ApiTokenStore Tokens => new(Database.Contexts, _clock);

    [Fact]
    public async Task A_secret_is_recognisable_and_carries_256_random_bits()
    {
        var secrets = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            secrets.Add((await Tokens.CreateAsync("alice", "Alice", $"token {i}", TimeSpan.FromDays(1))).Secret);
        }

        Assert.Equal(10, secrets.Count);
        Assert.All(secrets, s => Assert.Matches("^mskp_[A-Za-z0-9_-]{43}$", s));
    }

    [Fact]
    public async Task A_token_acts_as_its_owner_until_it_expires()
    {
        var created = await Tokens.CreateAsync("alice", "Alice Archer", "CI", TimeSpan.FromDays(30));

        var owner = await Tokens.AuthenticateAsync(created.Secret);
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(new ApiTokenOwner(created.Token.Id, "alice", "Alice Archer"), owner);
        Assert.Null(await Tokens.AuthenticateAsync(created.Secret));
        Assert.Equal("expired", Status(Assert.Single(await Tokens.ListAsync("alice"))));
    }

    [Fact]
    public async Task A_revoked_token_acts_as_no_one_and_only_its_owner_can_revoke_it()
    {
        var created = await Tokens.CreateAsync("alice", "Alice", "CI", TimeSpan.FromDays(30));

        Assert.False(await Tokens.RevokeAsync("bob", created.Token.Id));
        Assert.NotNull(await Tokens.AuthenticateAsync(created.Secret));
        Assert.True(await Tokens.RevokeAsync("alice", created.Token.Id));

        Assert.Null(await Tokens.AuthenticateAsync(created.Secret));
        Assert.Equal("revoked", Status(Assert.Single(await Tokens.ListAsync("alice"))));
    }

    [Fact]
    public async Task Each_owner_lists_only_their_own_tokens_newest_first()
    {
        await Tokens.CreateAsync("alice", "Alice", "first", TimeSpan.FromDays(30));
        await Tokens.CreateAsync("bob", "Bob", "bob's", TimeSpan.FromDays(30));
        await Tokens.CreateAsync("alice", "Alice", "second", TimeSpan.FromDays(30));

        Assert.Equal(["second", "first"], (await Tokens.ListAsync("alice")).Select(t => t.Name));
        Assert.Equal(["bob's"], (await Tokens.ListAsync("bob")).Select(t => t.Name));
    }

    [Fact]
    public async Task Last_use_is_recorded_to_the_minute_without_a_write_per_call()
    {
        var created = await Tokens.CreateAsync("alice", "Alice", "CI", TimeSpan.FromDays(30));
        var start = _clock.GetUtcNow();

        await Tokens.AuthenticateAsync(created.Secret);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await Tokens.AuthenticateAsync(created.Secret);
        var afterHalfAMinute = Assert.Single(await Tokens.ListAsync("alice")).LastUsedAt;
        _clock.Advance(TimeSpan.FromSeconds(40));
        await Tokens.AuthenticateAsync(created.Secret);

        Assert.Equal(start, afterHalfAMinute);
        Assert.Equal(start.AddSeconds(70), Assert.Single(await Tokens.ListAsync("alice")).LastUsedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mskp_")]
    [InlineData("not a token")]
    public async Task Wrong_secrets_act_as_no_one(string secret)
    {
        await Tokens.CreateAsync("alice", "Alice", "CI", TimeSpan.FromDays(30));

        Assert.Null(await Tokens.AuthenticateAsync(secret));
        Assert.Null(await Tokens.AuthenticateAsync(new string('x', 100_000)));
    }

    [Theory]
    [InlineData(" ", "Give the token a name")]
    [InlineData("line\nbreak", "one line of text")]
    public void A_token_name_must_be_one_line_of_text(string name, string message) =>
        Assert.Contains(message, ApiTokenStore.CheckName(name)!.Message, StringComparison.Ordinal);

    [Fact]
    public void A_token_name_has_a_length_limit() =>
        Assert.NotNull(ApiTokenStore.CheckName(new string('n', ApiTokenEntity.NameMaxLength + 1)));

    private string Status(ApiToken token) => token.RevokedAt is not null ? "revoked" : token.IsActiveAt(_clock.GetUtcNow()) ? "active" : "expired";
}
