namespace MskPlanner.Sizing;

/// <summary>The shape of an AWS region code: <c>us-east-1</c>, <c>ap-southeast-2</c>, <c>us-gov-west-1</c>.</summary>
public static class RegionCode
{
    public static bool IsWellFormed(string code)
    {
        var parts = code.Split('-');
        return parts.Length is 3 or 4
            && parts[..^1].All(p => p.Length > 0 && p.All(char.IsAsciiLetter))
            && parts[^1].Length > 0 && parts[^1].All(char.IsAsciiDigit);
    }
}
