namespace MskPlanner.Sizing;

/// <summary>The shape of an AWS region code: <c>us-east-1</c>, <c>ap-southeast-2</c>, <c>us-gov-west-1</c>.</summary>
public static class RegionCode
{
    /// <summary>Longer than any region AWS has; a bound so an echoed code never carries a whole request body.</summary>
    public const int MaxLength = 32;

    public static bool IsWellFormed(string code)
    {
        if (code.Length > MaxLength)
        {
            return false;
        }

        var parts = code.Split('-');
        return parts.Length is 3 or 4
            && parts[..^1].All(p => p.Length > 0 && p.All(char.IsAsciiLetter))
            && parts[^1].Length > 0 && parts[^1].All(char.IsAsciiDigit);
    }
}
