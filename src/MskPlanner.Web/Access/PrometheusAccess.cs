using Microsoft.Extensions.Options;

using MskPlanner.Import;
using MskPlanner.Sizing;

namespace MskPlanner.Web.Access;

/// <summary>
/// Which Prometheus servers this server may fetch for a user: the sources its operator configures, and a typed
/// address only in Local mode, on the user's own machine. The API and the pages ask it alike.
/// </summary>
public sealed class PrometheusAccess(IOptions<PrometheusImportOptions> options, IOptions<AuthOptions> auth)
{
    public IReadOnlyList<PrometheusSource> Sources => options.Value.Sources;

    public bool TypedAddressAllowed => auth.Value.Mode == AuthMode.Local;

    /// <summary>A shared server without configured sources: there is no Prometheus a user may read.</summary>
    public bool NoneReadable => !TypedAddressAllowed && Sources.Count == 0;

    /// <inheritdoc cref="PrometheusTarget.Resolve"/>
    public (PrometheusTarget? Target, IReadOnlyList<FieldError> Errors) Resolve(PrometheusImportRequest request) =>
        PrometheusTarget.Resolve(request, Sources, TypedAddressAllowed);
}
