using MskPlanner.Import;
using MskPlanner.Persistence;
using MskPlanner.Pricing;
using MskPlanner.Reports;
using MskPlanner.Web;
using MskPlanner.Web.Telemetry;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json is copied beside the binaries, so the app finds it wherever it is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddPricing();
builder.AddPersistence();
builder.AddReports();
builder.AddImport();
builder.AddWeb();
builder.AddTelemetry();

var app = builder.Build();
app.UseWeb();
app.UseTelemetry();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
