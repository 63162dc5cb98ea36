using Microsoft.AspNetCore.Components.Forms;

namespace MskPlanner.Web.Planner;

/// <summary>Files a page reads from the browser, held to the API's own upload limit together.</summary>
public static class Uploads
{
    public const long MaxBytes = Api.ImportEndpoints.MaxUploadBytes;

    /// <summary>The text of each file chosen, keyed as given; null when together they pass <see cref="MaxBytes"/>.</summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(IReadOnlyDictionary<string, IBrowserFile> files, CancellationToken cancellationToken)
    {
        if (files.Values.Sum(f => f.Size) > MaxBytes)
        {
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, file) in files)
        {
            using var reader = new StreamReader(file.OpenReadStream(MaxBytes, cancellationToken));
            texts[part] = await reader.ReadToEndAsync(cancellationToken);
        }

        return texts;
    }
}

/// <summary>Where a page measures a running cluster: its Prometheus, or files from its tools.</summary>
public enum ClusterSource
{
    Prometheus,
    Files,
}
