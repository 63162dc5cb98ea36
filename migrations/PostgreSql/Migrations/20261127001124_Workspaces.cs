using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MskPlanner.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Workspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "ShareLinks",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "ShareLinks",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "Revisions",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Plans",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkspaceId",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    GroupsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SeenAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Subject);
                });

            migrationBuilder.CreateTable(
                name: "Workspaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerSubject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GroupName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GroupRole = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AddedAt = table.Column<long>(type: "bigint", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every plan needs a workspace. Those saved before there were any go to one team workspace, made only
            // when there are such plans: local mode's user owns it with every other workspace, and in OIDC mode an
            // owner is added there from local mode (see the README).
            migrationBuilder.Sql(
                """
                INSERT INTO "Workspaces" ("Name", "Kind", "CreatedAt", "CreatedBy")
                SELECT 'Plans saved before workspaces', 'Team', CAST(extract(epoch FROM now()) * 1000 AS bigint), 'MskPlanner'
                WHERE EXISTS (SELECT 1 FROM "Plans");
                UPDATE "Plans" SET "WorkspaceId" = (SELECT MIN("Id") FROM "Workspaces");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Listed_Workspace",
                table: "Plans",
                columns: new[] { "WorkspaceId", "UpdatedAt", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Email",
                table: "Members",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkspaceId_Email",
                table: "Members",
                columns: new[] { "WorkspaceId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Workspaces_GroupName",
                table: "Workspaces",
                column: "GroupName");

            migrationBuilder.CreateIndex(
                name: "IX_Workspaces_OwnerSubject",
                table: "Workspaces",
                column: "OwnerSubject",
                unique: true,
                filter: "\"OwnerSubject\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Workspaces_WorkspaceId",
                table: "Plans",
                column: "WorkspaceId",
                principalTable: "Workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Workspaces_WorkspaceId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Workspaces");

            migrationBuilder.DropIndex(
                name: "IX_Plans_Listed_Workspace",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "ShareLinks");

            migrationBuilder.DropColumn(
                name: "RevokedBy",
                table: "ShareLinks");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "Plans");
        }
    }
}
