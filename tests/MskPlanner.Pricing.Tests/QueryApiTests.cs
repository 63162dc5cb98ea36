using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Amazon.Runtime;

namespace MskPlanner.Pricing.Tests;

/// <summary>GetProducts over JSON 1.1 with SigV4, checked against the shape AWS documents.</summary>
public sealed partial class QueryApiTests() : FakeAwsTest(PriceSourceKind.Query)
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    protected override void Configure(IServiceCollection services) => services.AddSingleton<AwsCredentialsSource>(new FixedCredentials());

    [Fact]
    public async Task GetProducts_requests_have_the_documented_target_content_type_body_and_sigv4_authorization()
    {
        await Harness.Prices.GetPricesAsync("eu-west-1");

        var request = Aws.Requests.First(r => r.Headers.GetValueOrDefault("X-Amz-Target") == "AWSPriceListService.GetProducts");
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Matches(AmzDate(), request.Headers["X-Amz-Date"]);

        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("AmazonMSK", body["ServiceCode"]!.GetValue<string>());
        Assert.Equal("aws_v1", body["FormatVersion"]!.GetValue<string>());
        Assert.Equal(100, body["MaxResults"]!.GetValue<int>());
        var filter = body["Filters"]!.AsArray().Single()!;
        Assert.Equal(("TERM_MATCH", "regionCode", "eu-west-1"), (filter["Type"]!.GetValue<string>(), filter["Field"]!.GetValue<string>(), filter["Value"]!.GetValue<string>()));

        var authorization = Authorization().Match(request.Headers["Authorization"]);
        Assert.True(authorization.Success, request.Headers["Authorization"]);
        Assert.Equal($"{AccessKey}/{request.Headers["X-Amz-Date"][..8]}/us-east-1/pricing/aws4_request", authorization.Groups["credential"].Value);
        Assert.Equal("content-type;host;x-amz-date;x-amz-target", authorization.Groups["signed"].Value);
        Assert.Equal(ExpectedSignature(request), authorization.Groups["signature"].Value);
    }

    [Fact]
    public async Task Pages_are_followed_by_next_token_and_give_the_same_prices_as_the_bulk_files()
    {
        var viaQuery = await Harness.Prices.GetPricesAsync("eu-west-1");
        await using var bulk = await LiveHarness.StartAsync(Aws, FileIn("bulk.db"));
        var viaBulk = await bulk.Prices.GetPricesAsync("eu-west-1");

        Assert.Contains(Aws.Requests, r => r.Body.Contains("\"NextToken\":\"", StringComparison.Ordinal));
        Assert.Equal(viaBulk.BrokerHourly.OrderBy(p => p.Key), viaQuery.BrokerHourly.OrderBy(p => p.Key));
        Assert.Equal(viaBulk.StoragePerGiBMonth, viaQuery.StoragePerGiBMonth);
        Assert.Equal(viaBulk.Origin, viaQuery.Origin);
    }

    [Fact]
    public async Task Ec2_prices_come_from_getproducts_per_instance_type_and_gp3()
    {
        var sheet = await Harness.Prices.GetPricesAsync("ap-southeast-1");

        Assert.Equal(0.0264, sheet.Ec2Hourly["t3.small"]);
        Assert.Equal(0.12, sheet.Ec2Hourly["m5.large"]);
        Assert.Equal(0.096, sheet.Ec2Gp3PerGiBMonth);
        Assert.Contains(Aws.Requests, r => r.Body.Contains("\"Field\":\"instanceType\",\"Value\":\"m5.large\"", StringComparison.Ordinal));
    }

    /// <summary>SigV4 computed here from AWS's documented steps, independently of the signer under test.</summary>
    private static string ExpectedSignature(RecordedRequest request)
    {
        var date = request.Headers["X-Amz-Date"];
        var canonical = string.Join('\n',
            "POST", "/", "",
            $"content-type:{request.Headers["Content-Type"]}",
            $"host:{request.Headers["Host"]}",
            $"x-amz-date:{date}",
            $"x-amz-target:{request.Headers["X-Amz-Target"]}",
            "",
            "content-type;host;x-amz-date;x-amz-target",
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
        var scope = $"{date[..8]}/us-east-1/pricing/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{date}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { date[..8], "us-east-1", "pricing", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex AmzDate();

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<credential>[^,]+), SignedHeaders=(?<signed>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex Authorization();

    private sealed class FixedCredentials : AwsCredentialsSource
    {
        public override Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new ImmutableCredentials(AccessKey, SecretKey, null));
    }
}
