using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MskPlanner.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Saved inputs gave partitions as replicas ("partitions"); the planner now asks for leader partitions. Each
    /// revision's replicas become leader partitions at its replication factor (3 when left out), rounded up as
    /// SizingRequest.InLeaderPartitions does, so a saved plan keeps its meaning. No column changes.
    /// </summary>
    public partial class LeaderPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "Revisions"
                SET "InputsJson" = json_remove(
                    json_set("InputsJson", '$.leaderPartitions',
                        (json_extract("InputsJson", '$.partitions') + (CASE json_extract("InputsJson", '$.replicationFactor') WHEN 2 THEN 2 ELSE 3 END) - 1)
                        / (CASE json_extract("InputsJson", '$.replicationFactor') WHEN 2 THEN 2 ELSE 3 END)),
                    '$.partitions')
                WHERE json_valid("InputsJson")
                  AND json_type("InputsJson", '$.partitions') = 'integer'
                  AND json_type("InputsJson", '$.leaderPartitions') IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "Revisions"
                SET "InputsJson" = json_remove(
                    json_set("InputsJson", '$.partitions',
                        json_extract("InputsJson", '$.leaderPartitions') * (CASE json_extract("InputsJson", '$.replicationFactor') WHEN 2 THEN 2 ELSE 3 END)),
                    '$.leaderPartitions')
                WHERE json_valid("InputsJson")
                  AND json_type("InputsJson", '$.leaderPartitions') = 'integer'
                  AND json_type("InputsJson", '$.partitions') IS NULL;
                """);
        }
    }
}
