using System.Security.Cryptography;
using System.Text;

namespace MskPlanner.Persistence;

/// <summary>Bearer secrets (share links, API tokens): random, shown once, stored only as a SHA-256 digest.</summary>
internal static class SecretTokens
{
    /// <summary>256 bits from the system's cryptographic generator.</summary>
    private const int Bytes = 32;

    /// <summary>Longer than anything we issue: a longer presented token is cut here, so hashing it costs no more.</summary>
    private const int MaxLength = 128;

    public static string New(string prefix = "") => prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Looking a token up compares digests, so the time a lookup takes says nothing about a guess.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The digest of a token a client presented, which may be of any length.</summary>
    public static byte[] HashPresented(string token) => Hash(token.Cut(MaxLength));
}
