using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MskPlanner.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_DeletedAt_LatestMonthlyCost",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_DeletedAt_Name",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_DeletedAt_UpdatedAt",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Listed_Cost",
                table: "Plans",
                columns: new[] { "LatestMonthlyCost", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Listed_Name",
                table: "Plans",
                columns: new[] { "Name", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Listed_UpdatedAt",
                table: "Plans",
                columns: new[] { "UpdatedAt", "Id" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_Listed_Cost",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_Listed_Name",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_Listed_UpdatedAt",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_DeletedAt_LatestMonthlyCost",
                table: "Plans",
                columns: new[] { "DeletedAt", "LatestMonthlyCost" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_DeletedAt_Name",
                table: "Plans",
                columns: new[] { "DeletedAt", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_DeletedAt_UpdatedAt",
                table: "Plans",
                columns: new[] { "DeletedAt", "UpdatedAt" });
        }
    }
}
