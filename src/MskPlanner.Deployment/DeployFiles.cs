using System.IO.Compression;
using System.Text;

namespace MskPlanner.Deployment;

/// <summary>The kinds of export, as the API and the tabs name them.</summary>
public enum ExportKind
{
    Terraform,
    CloudFormation,
    Cli,
    Alarms,
    LoadTest,
    Migration,
}

/// <summary>One generated file: its path in the zip, and its text.</summary>
public sealed record DeployFile(string Path, string Text);

/// <summary>Every file a plan hands over, by kind, and all of them as one zip.</summary>
public static class DeployFiles
{
    public static IReadOnlyList<DeployFile> For(ClusterBlueprint plan, ExportKind kind) => kind switch
    {
        ExportKind.Terraform =>
        [
            new("terraform/main.tf", TerraformExport.Main(plan)),
            new("terraform/variables.tf", TerraformExport.Variables(plan)),
            new("terraform/outputs.tf", TerraformExport.Outputs(plan)),
        ],
        ExportKind.CloudFormation => [new("cloudformation/cluster.yaml", CloudFormationExport.Cluster(plan))],
        ExportKind.Cli =>
        [
            new("cli/create-cluster.sh", CliExport.Script(plan)),
            new("cli/provisioned.json", CliExport.ProvisionedJson(plan)),
            new("cli/server.properties", plan.ServerPropertiesText),
            .. plan.TieredStorage ? [new DeployFile("cli/tiered-topics.sh", CliExport.TieredTopicsScript(plan))] : Array.Empty<DeployFile>(),
        ],
        ExportKind.Alarms =>
        [
            new("terraform/alarms.tf", TerraformExport.AlarmFile(plan)),
            new("cloudformation/alarms.yaml", CloudFormationExport.Alarms(plan)),
        ],
        ExportKind.LoadTest =>
        [
            new("loadtest/loadtest.sh", LoadTest.Commands(plan)),
            new("loadtest/client.properties", LoadTest.ClientProperties(plan)),
            new("loadtest/RUNBOOK.md", LoadTest.Runbook(plan)),
        ],
        ExportKind.Migration => MigrationFiles.For(plan),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An export kind without files."),
    };

    public static IReadOnlyList<DeployFile> All(ClusterBlueprint plan) => [.. Enum.GetValues<ExportKind>().SelectMany(k => For(plan, k))];

    /// <summary>All files in one zip, under a folder named for the cluster; shell scripts marked executable.</summary>
    public static byte[] Zip(ClusterBlueprint plan)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in All(plan))
            {
                var entry = zip.CreateEntry($"{plan.ClusterName}/{file.Path}", CompressionLevel.Optimal);
                // Unix permissions in the upper 16 bits: rwxr-xr-x for scripts, rw-r--r-- for the rest.
                entry.ExternalAttributes = (file.Path.EndsWith(".sh", StringComparison.Ordinal) ? 0b111_101_101 : 0b110_100_100) << 16;
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(file.Text);
            }
        }

        return buffer.ToArray();
    }
}
