using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoReply.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class DecisionCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_counts",
                schema: "rules",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneNumber = table.Column<string>(type: "text", nullable: false),
                    Hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EventType = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Delivered = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_counts", x => new { x.WorkspaceId, x.PhoneNumber, x.Hour, x.EventType, x.Outcome, x.Reason });
                });

            migrationBuilder.CreateIndex(
                name: "IX_decision_counts_WorkspaceId_Hour",
                schema: "rules",
                table: "decision_counts",
                columns: new[] { "WorkspaceId", "Hour" });

            // The decisions made before the counts existed, counted once; later ones are counted as they are written.
            migrationBuilder.Sql("""
                INSERT INTO rules.decision_counts ("WorkspaceId", "PhoneNumber", "Hour", "EventType", "Outcome", "Reason", "Count", "Delivered")
                SELECT "WorkspaceId", "PhoneNumber", date_trunc('hour', "OccurredAt", 'UTC'), "EventType", "Outcome", coalesce("Reason", ''),
                    count(*), count(*) FILTER (WHERE "SendState" = 'delivered')
                FROM rules.decisions
                GROUP BY 1, 2, 3, 4, 5, 6
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_counts",
                schema: "rules");
        }
    }
}
