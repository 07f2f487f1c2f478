using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoReply.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Workspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_decisions_EventId",
                schema: "rules",
                table: "decisions");

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                schema: "rules",
                table: "numbers",
                type: "uuid",
                nullable: false,
                // Rows from before workspaces belong to the default one (inserted below): all
                // numbers, and every decision, made under the one configured key.
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                schema: "rules",
                table: "decisions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000001"));

            migrationBuilder.CreateTable(
                name: "workspaces",
                schema: "rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_keys_workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalSchema: "rules",
                        principalTable: "workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "rules",
                table: "workspaces",
                columns: new[] { "Id", "CreatedAt", "Name" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000001"), new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "Default workspace" });

            migrationBuilder.CreateIndex(
                name: "IX_numbers_WorkspaceId",
                schema: "rules",
                table: "numbers",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_WorkspaceId_EventId",
                schema: "rules",
                table: "decisions",
                columns: new[] { "WorkspaceId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_Prefix",
                schema: "rules",
                table: "api_keys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_WorkspaceId",
                schema: "rules",
                table: "api_keys",
                column: "WorkspaceId");

            migrationBuilder.AddForeignKey(
                name: "FK_numbers_workspaces_WorkspaceId",
                schema: "rules",
                table: "numbers",
                column: "WorkspaceId",
                principalSchema: "rules",
                principalTable: "workspaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_numbers_workspaces_WorkspaceId",
                schema: "rules",
                table: "numbers");

            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "workspaces",
                schema: "rules");

            migrationBuilder.DropIndex(
                name: "IX_numbers_WorkspaceId",
                schema: "rules",
                table: "numbers");

            migrationBuilder.DropIndex(
                name: "IX_decisions_WorkspaceId_EventId",
                schema: "rules",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                schema: "rules",
                table: "numbers");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                schema: "rules",
                table: "decisions");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_EventId",
                schema: "rules",
                table: "decisions",
                column: "EventId",
                unique: true);
        }
    }
}
