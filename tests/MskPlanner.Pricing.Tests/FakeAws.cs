using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MskPlanner.Pricing.Tests;

/// <summary>How the fake misbehaves.</summary>
public enum FakeMode
{
    Ok,
    ServerError,
    Throttle,
    Hang,
    Garbage,
    Truncated,
    WrongContent,
}

/// <summary>
/// A test double of AWS's price lists on a loopback port: the bulk offer files (region indexes and regional
/// files, from Fixtures/) and the Query API's GetProducts and GetAttributeValues, built from the same files.
/// It records every request and can be told to fail in the ways the real service can.
/// </summary>
public sealed class FakeAws : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAws(WebApplication app) => _app = app;

    public FakeMode Mode { get; set; } = FakeMode.Ok;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeAws> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAws(app);
        app.Use(fake.RecordAsync);
        app.MapGet("/offers/v1.0/aws/{offer}/current/region_index.json", fake.RegionIndex);
        app.MapGet("/offers/v1.0/aws/{offer}/{version}/{region}/index.json", fake.OfferFileAsync);
        app.MapPost("/", (Delegate)fake.QueryAsync);
        await app.StartAsync();
        return fake;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        context.Request.Body.Position = 0;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        switch (Mode)
        {
            case FakeMode.ServerError:
                context.Response.StatusCode = 503;
                return;
            case FakeMode.Throttle:
                context.Response.StatusCode = 429;
                return;
            case FakeMode.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                return;
            case FakeMode.Garbage:
                await context.Response.WriteAsync("<html>this is not JSON</html>");
                return;
            default:
                await next(context);
                return;
        }
    }

    private IResult RegionIndex(string offer) => Results.Json(new
    {
        formatVersion = "v1.0",
        disclaimer = "This pricing list is for informational purposes only.",
        publicationDate = "2026-11-01T08:00:00Z",
        regions = Regions(offer).ToDictionary(r => r, r => new { regionCode = r, currentVersionUrl = $"/offers/v1.0/aws/{offer}/20261101080000/{r}/index.json" }),
    });

    private async Task OfferFileAsync(HttpContext context, string offer, string region)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", $"{offer}-{region}.json");
        if (!File.Exists(file))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var text = await File.ReadAllTextAsync(file);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Mode switch
        {
            FakeMode.Truncated => text[..(text.Length / 2)],
            FakeMode.WrongContent => """{"formatVersion": "v1.0", "message": "Access Denied"}""",
            _ => text,
        });
    }

    private async Task<IResult> QueryAsync(HttpContext context)
    {
        var body = JsonNode.Parse(Requests.Last().Body)!;
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var service = body["ServiceCode"]!.GetValue<string>();
        if (target == "AWSPriceListService.GetAttributeValues")
        {
            return Results.Json(new { AttributeValues = Regions(service).Select(r => new { Value = r }) });
        }

        var filters = body["Filters"]!.AsArray().ToDictionary(f => f!["Field"]!.GetValue<string>(), f => f!["Value"]!.GetValue<string>());
        var region = filters["regionCode"];
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", $"{service}-{region}.json");
        var offer = File.Exists(file) ? JsonNode.Parse(await File.ReadAllTextAsync(file))! : null;
        var items = new List<string>();
        foreach (var (sku, product) in offer?["products"]!.AsObject() ?? [])
        {
            var attributes = product!["attributes"]!.AsObject();
            if (filters.Where(f => f.Key != "regionCode").All(f => attributes[f.Key]?.GetValue<string>() == f.Value))
            {
                items.Add(new JsonObject
                {
                    ["product"] = product.DeepClone(),
                    ["serviceCode"] = service,
                    ["terms"] = new JsonObject { ["OnDemand"] = offer!["terms"]!["OnDemand"]![sku]!.DeepClone() },
                    ["version"] = offer["version"]!.DeepClone(),
                    ["publicationDate"] = offer["publicationDate"]!.DeepClone(),
                }.ToJsonString());
            }
        }

        // Two pages, so NextToken is followed.
        var start = body["NextToken"] is { } token ? int.Parse(token.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var page = items.Skip(start).Take(Math.Max(1, (items.Count + 1) / 2)).ToList();
        var next = start + page.Count < items.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Results.Text(JsonSerializer.Serialize(new { FormatVersion = "aws_v1", PriceList = page, NextToken = next }), "application/x-amz-json-1.1");
    }

    private static IEnumerable<string> Regions(string offer) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), $"{offer}-*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)[(offer.Length + 1)..]);
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
