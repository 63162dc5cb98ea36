using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MskPlanner.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RevisionMeasuredFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MeasuredFrom",
                table: "Revisions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeasuredSource",
                table: "Revisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MeasuredTo",
                table: "Revisions",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MeasuredFrom",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "MeasuredSource",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "MeasuredTo",
                table: "Revisions");
        }
    }
}
