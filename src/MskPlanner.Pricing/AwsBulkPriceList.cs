using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace MskPlanner.Pricing;

/// <summary>
/// AWS's public bulk offer files: AmazonMSK's (and AmazonEC2's) region index, then the regional offer file,
/// read as a stream. No credentials needed.
/// </summary>
public sealed class AwsBulkPriceList(HttpClient http, Microsoft.Extensions.Options.IOptions<PricingOptions> options) : IAwsPriceList
{
    public async Task<IReadOnlyList<string>> GetMskRegionsAsync(CancellationToken cancellationToken) =>
        [.. (await RegionIndexAsync("AmazonMSK", cancellationToken)).Keys.Order(StringComparer.Ordinal)];

    public async Task<LivePrices> GetPricesAsync(string region, CancellationToken cancellationToken)
    {
        var msk = await RegionIndexAsync("AmazonMSK", cancellationToken);
        if (!msk.TryGetValue(region, out var mskFile))
        {
            throw new MalformedOfferException($"AmazonMSK's region index does not list {region}.");
        }

        var mskPrices = await OfferAsync(mskFile, LivePriceSheet.IsWantedMskProduct, cancellationToken);
        return new LivePrices(mskPrices, options.Value.Ec2FromBulkOffer ? await Ec2Async(region, cancellationToken) : null);
    }

    /// <summary>
    /// EC2 prices only feed the self-managed comparison: when they cannot be had, MSK's prices still stand and the
    /// comparison is left out until the next refresh.
    /// </summary>
    private async Task<OfferPrices?> Ec2Async(string region, CancellationToken cancellationToken)
    {
        try
        {
            var ec2 = await RegionIndexAsync("AmazonEC2", cancellationToken);
            return ec2.TryGetValue(region, out var file) ? await OfferAsync(file, LivePriceSheet.IsWantedEc2Product, cancellationToken) : null;
        }
        catch (Exception e) when (e is HttpRequestException or MalformedOfferException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<Dictionary<string, string>> RegionIndexAsync(string offerCode, CancellationToken cancellationToken)
    {
        var index = await http.GetFromJsonAsync<RegionIndexJson>($"/offers/v1.0/aws/{offerCode}/current/region_index.json", cancellationToken)
            ?? throw new MalformedOfferException($"{offerCode}'s region index is empty.");
        return index.Regions?.Where(r => r.Value.CurrentVersionUrl is not null).ToDictionary(r => r.Key, r => r.Value.CurrentVersionUrl!, StringComparer.Ordinal)
            ?? throw new MalformedOfferException($"{offerCode}'s region index has no regions.");
    }

    private async Task<OfferPrices> OfferAsync(string path, Func<OfferProduct, bool> wanted, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await OfferFileReader.ReadAsync(stream, wanted, cancellationToken);
    }

    private sealed record RegionIndexJson([property: JsonPropertyName("regions")] Dictionary<string, RegionJson>? Regions);

    private sealed record RegionJson([property: JsonPropertyName("currentVersionUrl")] string? CurrentVersionUrl);
}
