using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoReply.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReplyDelay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueAt",
                schema: "rules",
                table: "decisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "Delay",
                schema: "rules",
                table: "auto_replies",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.CreateTable(
                name: "scheduled_replies",
                schema: "rules",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_replies", x => x.DecisionId);
                    table.ForeignKey(
                        name: "FK_scheduled_replies_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalSchema: "rules",
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_replies_DueAt",
                schema: "rules",
                table: "scheduled_replies",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_replies",
                schema: "rules");

            migrationBuilder.DropColumn(
                name: "DueAt",
                schema: "rules",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "Delay",
                schema: "rules",
                table: "auto_replies");
        }
    }
}
