using Microsoft.EntityFrameworkCore;

using MskPlanner.Sizing;

namespace MskPlanner.Persistence;

/// <summary>A personal API token. Only a hash of its secret is stored; the secret is shown once, at creation.</summary>
public sealed class ApiTokenEntity
{
    public const int NameMaxLength = 100;
    public const int OwnerMaxLength = 256;

    public int Id { get; set; }

    /// <summary>The owner's subject at the identity provider (the "sub" claim): who the token acts as.</summary>
    public string OwnerSubject { get; set; } = "";

    /// <summary>The owner's name when the token was made, for the audit of what it did.</summary>
    public string OwnerName { get; set; } = "";

    /// <summary>What the owner called it, e.g. "CI pipeline".</summary>
    public string Name { get; set; } = "";

    public byte[] TokenHash { get; set; } = [];

    /// <summary>The secret's last four characters, so the owner can tell tokens apart without the secret.</summary>
    public string Hint { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A token as its owner sees it: never the secret.</summary>
public sealed record ApiToken(int Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>A new token and its secret, which exists nowhere else once this is gone.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>Who a valid token acts as.</summary>
public sealed record ApiTokenOwner(int TokenId, string Subject, string Name);

/// <summary>Personal API tokens: made, listed and revoked by their owner, and checked on every API call that bears one.</summary>
public sealed class ApiTokenStore(IDbContextFactory<PlansDbContext> contexts, TimeProvider clock)
{
    /// <summary>Every token carries this, so a leaked one is easy to recognise (secret scanners, logs).</summary>
    public const string Prefix = "mskp_";

    public const int MaxLifetimeDays = 366;

    /// <summary>How stale "last used" may be: writing it on every call would make each API call a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A token's name: one line, given, and short enough to list.</summary>
    public static FieldError? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new("name", "Give the token a name, e.g. what will use it.")
        : name.Trim().Length > ApiTokenEntity.NameMaxLength ? new("name", $"A token name has at most {ApiTokenEntity.NameMaxLength} characters.")
        : PlanRules.HasControlCharacters(name, allowLineBreaks: false) ? new("name", "A token name is one line of text, without control characters.")
        : null;

    public async Task<CreatedApiToken> CreateAsync(string ownerSubject, string ownerName, string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (CheckName(name) is { } error)
        {
            throw new ArgumentException(error.Message, nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, TimeSpan.FromDays(MaxLifetimeDays));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var secret = SecretTokens.New(Prefix);
        var now = clock.GetUtcNow();
        var token = new ApiTokenEntity
        {
            OwnerSubject = ownerSubject.Cut(ApiTokenEntity.OwnerMaxLength),
            OwnerName = ownerName.Cut(ApiTokenEntity.OwnerMaxLength),
            Name = name.Trim(),
            TokenHash = SecretTokens.Hash(secret),
            Hint = secret[^4..],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(ToToken(token), secret);
    }

    /// <summary>The owner's tokens, newest first, revoked and expired ones included (they say so).</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string ownerSubject, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.OwnerSubject == ownerSubject).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return [.. tokens.Select(ToToken)];
    }

    /// <summary>False when the owner has no such token: another user's token cannot be revoked, or even found.</summary>
    public async Task<bool> RevokeAsync(string ownerSubject, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.OwnerSubject == ownerSubject, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Who the presented secret acts as, or null for a wrong, revoked or expired one.</summary>
    public async Task<ApiTokenOwner?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = SecretTokens.HashPresented(secret);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        if (token.LastUsedAt is not { } used || now - used >= LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiTokenOwner(token.Id, token.OwnerSubject, token.OwnerName);
    }

    private static ApiToken ToToken(ApiTokenEntity t) => new(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
