using System.Net.Http.Headers;
using System.Text;

using MskPlanner.Sizing;

namespace MskPlanner.Import;

/// <summary>A Prometheus server to query and how to authenticate; its label names it in figures and messages without credentials.</summary>
public sealed class PrometheusTarget(Uri baseUrl, AuthenticationHeaderValue? authorization, string label)
{
    public Uri BaseUrl { get; } = baseUrl;

    public AuthenticationHeaderValue? Authorization { get; } = authorization;

    public string Label { get; } = label;

    /// <summary>The label alone, so that a target written to a log or a message never carries its credentials.</summary>
    public override string ToString() => Label;

    /// <summary>
    /// The target a request names: its own <c>url</c> where <paramref name="typedUrlAllowed"/> (a user's own machine),
    /// otherwise only one of the configured <paramref name="sources"/>. Null with no errors: a typed URL where none is allowed.
    /// </summary>
    public static (PrometheusTarget? Target, IReadOnlyList<FieldError> Errors) Resolve(
        PrometheusImportRequest request, IReadOnlyList<PrometheusSource> sources, bool typedUrlAllowed)
    {
        var errors = new List<FieldError>();
        if (request.Url is not null && request.Source is not null)
        {
            return (null, [new("url", "Give url or source, not both.")]);
        }

        if (request.Source is { } name)
        {
            if (request.BearerToken is not null || request.Username is not null || request.Password is not null)
            {
                errors.Add(new("source", "A configured source's credentials come from the server's configuration; leave bearerToken, username and password out."));
            }

            var source = sources.FirstOrDefault(s => s.Name == name);
            if (source?.Url is null)
            {
                var known = sources.Count == 0 ? "none is configured (Import:Prometheus:Sources)" : "the configured ones are " + string.Join(", ", sources.Select(s => s.Name));
                errors.Add(new("source", $"No Prometheus source is named \"{Echo.Clip(name)}\"; {known}."));
                return (null, errors);
            }

            return errors.Count > 0
                ? (null, errors)
                : (new PrometheusTarget(source.Url, AuthorizationOf(source.BearerToken, source.Username, source.Password), $"source \"{source.Name}\""), []);
        }

        if (request.Url is not { } url)
        {
            return (null, [new("source", "Give source (a configured Prometheus) or, on your own machine, url.")]);
        }

        if (!typedUrlAllowed)
        {
            return (null, []);
        }

        Uri? address = null;
        if (url.Length > PrometheusImportRequest.MaxUrlLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out address)
            || address.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            errors.Add(new("url", $"URL must be an http or https address of at most {PrometheusImportRequest.MaxUrlLength} characters without a query, such as http://localhost:9090/."));
        }
        else if (!string.IsNullOrEmpty(address.UserInfo))
        {
            errors.Add(new("url", "URL must not carry credentials; give username and password, or bearerToken."));
        }

        CheckCredential(request.BearerToken, "bearerToken", "Bearer token", errors);
        CheckCredential(request.Username, "username", "Username", errors);
        CheckCredential(request.Password, "password", "Password", errors);
        if (request.BearerToken is not null && (request.Username is not null || request.Password is not null))
        {
            errors.Add(new("bearerToken", "Give a bearer token or a username and password, not both."));
        }
        else if ((request.Username is null) != (request.Password is null))
        {
            errors.Add(new("username", "Basic authentication needs both username and password."));
        }
        else if (request.Username?.Contains(':', StringComparison.Ordinal) == true)
        {
            errors.Add(new("username", "Username must not contain a colon (basic authentication separates it from the password with one)."));
        }

        return errors.Count > 0 || address is null
            ? (null, errors)
            : (new PrometheusTarget(address, AuthorizationOf(request.BearerToken, request.Username, request.Password), address.GetLeftPart(UriPartial.Path)), []);
    }

    private static void CheckCredential(string? value, string field, string label, List<FieldError> errors)
    {
        if (value is not null && (value.Length is 0 or > PrometheusImportRequest.MaxCredentialLength || value.Any(char.IsControl)))
        {
            errors.Add(new(field, $"{label} must be 1 to {PrometheusImportRequest.MaxCredentialLength} characters without control characters."));
        }
    }

    private static AuthenticationHeaderValue? AuthorizationOf(string? bearerToken, string? username, string? password) =>
        bearerToken is not null ? new("Bearer", bearerToken)
        : username is not null ? new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")))
        : null;

}
