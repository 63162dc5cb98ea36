using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Reports;

namespace MskPlanner.Web.Tests.Api;

/// <summary>A PDF that cannot be made is answered without the exception's text, which names the server's paths.</summary>
public sealed class ReportFailureTests
{
    private const string Internals = "/opt/secret/fonts/DejaVuSans.ttf was not found";

    public static TheoryData<Exception, int> Failures => new()
    {
        { new ReportFontsMissingException(Internals), StatusCodes.Status503ServiceUnavailable },
        { new ReportFailedException($"The PDF could not be rendered: {Internals}", new IOException(Internals)), StatusCodes.Status500InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_pdf_tells_the_caller_what_happened_but_not_the_servers_internals(Exception failure, int status)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/api/v1/shared/token/summary.pdf";
        context.Response.Body = new MemoryStream();
        var handler = new ReportFailureHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ReportFailureHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, failure, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("PDF", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/opt/secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_faults_are_left_to_the_other_handlers() =>
        Assert.False(await new ReportFailureHandler(null!, NullLogger<ReportFailureHandler>.Instance)
            .TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException(), CancellationToken.None));
}

/// <summary>Report settings are checked when the app starts, not at the first PDF.</summary>
public sealed class ReportSettingsTests
{
    [Fact]
    public async Task The_app_does_not_start_with_a_font_folder_that_lacks_the_fonts()
    {
        var empty = Directory.CreateTempSubdirectory("mskplanner-no-fonts").FullName;
        await using var plain = new PlannerAppFactory();
        await using var factory = plain.WithWebHostBuilder(b => b.UseSetting("Reports:FontDirectory", empty));

        var refusal = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Reports:FontDirectory", refusal.Message, StringComparison.Ordinal);
        Directory.Delete(empty);
    }
}
