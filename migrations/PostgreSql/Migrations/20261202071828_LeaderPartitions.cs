using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MskPlanner.Migrations.PostgreSql.Migrations
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
                UPDATE "Revisions" AS r
                SET "InputsJson" = ((j.doc - 'partitions') || jsonb_build_object('leaderPartitions', ((j.doc->>'partitions')::bigint + j.rf - 1) / j.rf))::text
                FROM (
                    SELECT "Id", "InputsJson"::jsonb AS doc,
                           CASE WHEN "InputsJson"::jsonb->>'replicationFactor' = '2' THEN 2 ELSE 3 END AS rf
                    FROM "Revisions"
                ) AS j
                WHERE r."Id" = j."Id"
                  AND jsonb_typeof(j.doc->'partitions') = 'number'
                  AND j.doc->'leaderPartitions' IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "Revisions" AS r
                SET "InputsJson" = ((j.doc - 'leaderPartitions') || jsonb_build_object('partitions', (j.doc->>'leaderPartitions')::bigint * j.rf))::text
                FROM (
                    SELECT "Id", "InputsJson"::jsonb AS doc,
                           CASE WHEN "InputsJson"::jsonb->>'replicationFactor' = '2' THEN 2 ELSE 3 END AS rf
                    FROM "Revisions"
                ) AS j
                WHERE r."Id" = j."Id"
                  AND jsonb_typeof(j.doc->'leaderPartitions') = 'number'
                  AND j.doc->'partitions' IS NULL;
                """);
        }
    }
}
