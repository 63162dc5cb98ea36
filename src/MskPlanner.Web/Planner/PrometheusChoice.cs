using MskPlanner.Import;
using MskPlanner.Web.Access;

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

    /// <summary>auto (detect it), jmx, msk or kafka-exporter.</summary>
    public string Naming { get; set; } = "auto";

    /// <summary>p99 or max of the rates.</summary>
    public string Peak { get; set; } = PeakStatistic.P99.Key;

    /// <summary>With a typed address only: a bearer token, or a user name and password for basic auth.</summary>
    public string? BearerToken { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string UrlField => Prefix + "-url";

    public string SourceField => Prefix + "-source";

    public string DaysField => Prefix + "-days";

    public string TokenField => Prefix + "-token";

    public string UsernameField => Prefix + "-username";

    public string PasswordField => Prefix + "-password";

    /// <summary>The target and window, or the messages keyed by field id.</summary>
    public (PrometheusTarget? Target, ImportWindow? Window, Dictionary<string, string> Errors) Resolve(PrometheusAccess access)
    {
        var typed = string.IsNullOrWhiteSpace(Url) ? null : Url;
        var request = new PrometheusImportRequest
        {
            Url = typed,
            Source = typed is null ? Source : null,
            Days = Days,
            Naming = Naming,
            Peak = Peak,
            BearerToken = typed is null ? null : Blank(BearerToken),
            Username = typed is null ? null : Blank(Username),
            Password = typed is null ? null : Blank(Password),
        };
        var window = request.ResolveWindow();
        var (target, targetErrors) = access.Resolve(request);
        var errors = window.Errors.Concat(targetErrors).GroupBy(e => FieldOf(e.Field)).ToDictionary(g => g.Key, g => g.First().Message);
        if (target is null && errors.Count == 0)
        {
            // An address where only the operator's sources may be read: the page shows no address field there, but says so.
            errors[SourceField] = "Choose one of the Prometheus sources this server's operator configured.";
        }

        return errors.Count > 0 || !window.Succeeded ? (null, null, errors) : (target, window.Value, errors);
    }

    /// <summary>The request's field names as this form's ids: a message shows under the field it is about.</summary>
    private string FieldOf(string field) => field switch
    {
        "source" => SourceField,
        "days" => DaysField,
        "bearerToken" => TokenField,
        "username" => UsernameField,
        "password" => PasswordField,
        _ => UrlField,
    };

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
