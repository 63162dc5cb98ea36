using System.Diagnostics;

using MskPlanner.Sizing;

namespace MskPlanner.Deployment.Tests;

/// <summary>
/// Every generated shell script read by bash itself (<c>bash -n</c>) and by ShellCheck, for every plan of the
/// matrix and with hostile text in every field that reaches a script. Dash accepts what bash 5 refuses (an
/// apostrophe inside <c>${VAR:?...}</c> within double quotes), so only bash's own parser tells.
/// </summary>
public sealed class ShellScriptTests
{
    /// <summary>Quotes, expansions, a command substitution, a new line and a carriage return: what a plan name may hold.</summary>
    private const string HostileName = "Bob's \"plan\" $(touch /tmp/pwned) `id` ${HOME} \\ ; | & > x\r\nsecond line # not a comment";

    public static TheoryData<string> Names => Plans.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_script_of_every_plan_parses_in_bash_and_passes_shellcheck(string name) =>
        AssertScriptsHold(Plans.Blueprint(name));

    [Fact]
    public void Scripts_stay_valid_with_hostile_text_in_the_plan_name_and_the_tags()
    {
        // Tags are held to AWS's characters (letters, numbers, spaces and _.:/=+-@), which the shell reads as words.
        var request = Plans.Base with { ClusterName = "evil-name-1", Tags = "note=a b:c/d=e+f@g, x_y=1\u00a0=2" };
        AssertScriptsHold(Plans.Blueprint(request, BrokerFamily.M5, HostileName));
        // A tiered plan adds cli/tiered-topics.sh, whose comment carries the plan's name.
        AssertScriptsHold(Plans.Blueprint(request with { RetentionHours = 720, PrimaryRetentionHours = 24 }, BrokerFamily.M7g, HostileName));
    }

    private static void AssertScriptsHold(ClusterBlueprint plan)
    {
        var scripts = DeployFiles.All(plan).Where(f => f.Path.EndsWith(".sh", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var path = Path.Combine(Directory.CreateTempSubdirectory("mskplanner-sh-").FullName, Path.GetFileName(script.Path));
            File.WriteAllText(path, script.Text);
            try
            {
                var (bashCode, bashSays) = Run("bash", "-n", path);
                Assert.True(bashCode == 0, $"bash -n refused {script.Path}:\n{bashSays}\n{script.Text}");
                var (checkCode, checkSays) = Run("shellcheck", "--shell=bash", path);
                Assert.True(checkCode == 0, $"shellcheck found problems in {script.Path}:\n{checkSays}\n{script.Text}");
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            }
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start; install it (Debian's bash and shellcheck packages).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
