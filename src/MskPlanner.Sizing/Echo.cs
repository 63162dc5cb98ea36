namespace MskPlanner.Sizing;

/// <summary>Text a user, a file or a remote server gave, quoted back in a message: cut, so the message stays readable however long the text.</summary>
public static class Echo
{
    public static string Clip(string text, int maxLength = 40) => text.Length <= maxLength ? text : text[..maxLength] + "…";
}
