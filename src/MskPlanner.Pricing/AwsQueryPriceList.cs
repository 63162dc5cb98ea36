using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

using Microsoft.Extensions.Options;

namespace MskPlanner.Pricing;

/// <summary>The standard AWS credential chain (environment, profile, SSO, container, instance role).</summary>
public class AwsCredentialsSource
{
    public virtual async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null)
            ?? throw new HttpRequestException("No AWS credentials were found for the Price List Query API (environment, profile or role).");
        return await credentials.GetCredentialsAsync();
    }
}

/// <summary>
/// The Price List Query API: <c>GetProducts</c> and <c>GetAttributeValues</c> over JSON 1.1, signed with SigV4
/// (service <c>pricing</c>) by AWSSDK.Core's signer, paging by <c>NextToken</c>.
/// </summary>
public sealed class AwsQueryPriceList(HttpClient http, AwsCredentialsSource credentials, IOptions<PricingOptions> options, TimeProvider clock) : IAwsPriceList
{
    public const string Service = "pricing";
    private const int PageSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions ItemJson = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<string>> GetMskRegionsAsync(CancellationToken cancellationToken)
    {
        var regions = new List<string>();
        string? next = null;
        do
        {
            var page = await CallAsync<AttributeValuesJson>("GetAttributeValues",
                new { ServiceCode = "AmazonMSK", AttributeName = "regionCode", MaxResults = PageSize, NextToken = next }, cancellationToken);
            regions.AddRange(page.AttributeValues?.Select(v => v.Value).OfType<string>() ?? []);
            next = page.NextToken;
        }
        while (next is not null);
        return [.. regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public async Task<LivePrices> GetPricesAsync(string region, CancellationToken cancellationToken)
    {
        var msk = await ProductsAsync("AmazonMSK", [Filter("regionCode", region)], LivePriceSheet.IsWantedMskProduct, cancellationToken);
        var ec2 = new List<OfferPrices>();
        foreach (var type in LivePriceSheet.Ec2InstanceTypes.Order(StringComparer.Ordinal))
        {
            ec2.Add(await ProductsAsync("AmazonEC2",
                [Filter("regionCode", region), Filter("instanceType", type), Filter("operatingSystem", "Linux"), Filter("tenancy", "Shared"),
                 Filter("preInstalledSw", "NA"), Filter("capacitystatus", "Used")],
                LivePriceSheet.IsWantedEc2Product, cancellationToken));
        }

        ec2.Add(await ProductsAsync("AmazonEC2", [Filter("regionCode", region), Filter("volumeApiName", "gp3")], LivePriceSheet.IsWantedEc2Product, cancellationToken));
        return new LivePrices(msk, Merge(ec2));
    }

    private async Task<OfferPrices> ProductsAsync(string serviceCode, FilterJson[] filters, Func<OfferProduct, bool> wanted, CancellationToken cancellationToken)
    {
        var products = new Dictionary<string, OfferProduct>(StringComparer.Ordinal);
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        string? published = null;
        string? next = null;
        do
        {
            var page = await CallAsync<ProductsPageJson>("GetProducts",
                new { ServiceCode = serviceCode, FormatVersion = "aws_v1", Filters = filters, MaxResults = PageSize, NextToken = next }, cancellationToken);
            foreach (var text in page.PriceList ?? [])
            {
                var item = JsonSerializer.Deserialize<PriceItemJson>(text, ItemJson) ?? throw new MalformedOfferException("A PriceList entry is empty.");
                if (item.Product?.Sku is not { } sku)
                {
                    continue;
                }

                var product = new OfferProduct(sku, item.Product.ProductFamily, item.Product.Attributes ?? []);
                if (!wanted(product))
                {
                    continue;
                }

                products[sku] = product;
                published = Max(published, item.PublicationDate);
                if (OnDemandTerms.UsdPrice(item.Terms?.OnDemand?.Values) is { } price)
                {
                    prices[sku] = price;
                }
            }

            next = page.NextToken;
        }
        while (next is not null);
        return new OfferPrices(published, products, prices);
    }

    /// <summary>One signed JSON 1.1 call: POST /, X-Amz-Target AWSPriceListService.{operation}, SigV4 for service "pricing".</summary>
    private async Task<T> CallAsync<T>(string operation, object body, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var endpoint = new Uri(http.BaseAddress!, "/");
        var now = clock.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"AWSPriceListService.{operation}";
        var identity = await credentials.GetAsync(cancellationToken);

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/x-amz-json-1.1",
            ["host"] = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}",
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = target,
        };
        if (identity.UseToken)
        {
            headers["x-amz-security-token"] = identity.Token;
        }

        var bodyHash = AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(payload), lowercase: true);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = CanonicalRequest(headers, signedHeaders, bodyHash);
        var signature = AWS4Signer.ComputeSignature(identity, options.Value.QueryRegion, now, Service, signedHeaders, canonical);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (identity.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", identity.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new MalformedOfferException($"{operation} answered with an empty body.");
    }

    /// <summary>SigV4's canonical request for a POST to "/" with no query: method, path, query, headers, signed headers, body hash.</summary>
    internal static string CanonicalRequest(IReadOnlyDictionary<string, string> headers, string signedHeaders, string bodyHash)
    {
        var canonical = new StringBuilder("POST\n/\n\n");
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        return canonical.Append('\n').Append(signedHeaders).Append('\n').Append(bodyHash).ToString();
    }

    private static FilterJson Filter(string field, string value) => new("TERM_MATCH", field, value);

    private static OfferPrices Merge(List<OfferPrices> parts) => new(
        parts.Select(p => p.PublicationDate).Aggregate((string?)null, Max),
        parts.SelectMany(p => p.Products).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        parts.SelectMany(p => p.OnDemandUsd).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private sealed record FilterJson(string Type, string Field, string Value);

    private sealed record ProductsPageJson(string? FormatVersion, List<string>? PriceList, string? NextToken);

    private sealed record AttributeValuesJson(List<AttributeValueJson>? AttributeValues, string? NextToken);

    private sealed record AttributeValueJson(string? Value);

    private sealed record PriceItemJson(ProductJson? Product, TermsJson? Terms, string? PublicationDate);

    private sealed record ProductJson(string? Sku, string? ProductFamily, Dictionary<string, string>? Attributes);

    private sealed record TermsJson([property: JsonPropertyName("OnDemand")] Dictionary<string, OnDemandTerm>? OnDemand);
}
