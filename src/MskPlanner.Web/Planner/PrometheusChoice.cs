using MskPlanner.Import;

namespace MskPlanner.Web.Planner;

/// <summary>
/// Which Prometheus a page asks and over how many days, as the user chose them, checked with the API's own rules.
/// The fields' ids start with <see cref="Prefix"/>, so two forms on a page keep their messages apart.
/// </summary>
public sealed class PrometheusChoice(string prefix)
{
    public string Prefix { get; } = prefix;

    public string? Url { get; set; }

    public string? Source { get; set; }

    public int? Days { get; set; }

    public string UrlField => Prefix + "-url";

    public string SourceField => Prefix + "-source";

    public string DaysField => Prefix + "-days";

    /// <summary>
    /// The target and window, or the messages keyed by field id; a shared server without a chosen source has no
    /// target and no field error, and the caller says so.
    /// </summary>
    public (PrometheusTarget? Target, ImportWindow? Window, Dictionary<string, string> Errors) Resolve(IReadOnlyList<PrometheusSource> sources, bool typedUrlAllowed)
    {
        var typed = string.IsNullOrWhiteSpace(Url) ? null : Url;
        var request = new PrometheusImportRequest { Url = typed, Source = typed is null ? Source : null, Days = Days };
        var window = request.ResolveWindow();
        var (target, targetErrors) = PrometheusTarget.Resolve(request, sources, typedUrlAllowed);
        var errors = window.Errors.Concat(targetErrors).GroupBy(e => FieldOf(e.Field)).ToDictionary(g => g.Key, g => g.First().Message);
        return errors.Count > 0 || !window.Succeeded ? (null, null, errors) : (target, window.Value, errors);
    }

    /// <summary>The request's field names as this form's ids: a message shows under the field it is about.</summary>
    private string FieldOf(string field) => field switch
    {
        "source" => SourceField,
        "days" => DaysField,
        _ => UrlField,
    };
}
