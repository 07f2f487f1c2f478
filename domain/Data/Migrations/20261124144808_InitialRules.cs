using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoReply.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "rules");

            migrationBuilder.CreateTable(
                name: "decisions",
                schema: "rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EventType = table.Column<string>(type: "text", nullable: false),
                    PhoneNumber = table.Column<string>(type: "text", nullable: false),
                    Contact = table.Column<string>(type: "text", nullable: false),
                    Trigger = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    AutoReplyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CommandPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SendState = table.Column<string>(type: "text", nullable: true),
                    SendErrorCode = table.Column<string>(type: "text", nullable: true),
                    SendError = table.Column<string>(type: "text", nullable: true),
                    ProviderMessageId = table.Column<string>(type: "text", nullable: true),
                    SendStateChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "numbers",
                schema: "rules",
                columns: table => new
                {
                    PhoneNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpeningHours = table.Column<string>(type: "jsonb", nullable: false),
                    Cooldown = table.Column<TimeSpan>(type: "interval", nullable: false),
                    RecentActivityWindow = table.Column<TimeSpan>(type: "interval", nullable: false),
                    MaxEventAge = table.Column<TimeSpan>(type: "interval", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_numbers", x => x.PhoneNumber);
                });

            migrationBuilder.CreateTable(
                name: "auto_replies",
                schema: "rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneNumber = table.Column<string>(type: "character varying(16)", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Schedule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auto_replies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auto_replies_numbers_PhoneNumber",
                        column: x => x.PhoneNumber,
                        principalSchema: "rules",
                        principalTable: "numbers",
                        principalColumn: "PhoneNumber",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_auto_replies_PhoneNumber_Trigger_Schedule",
                schema: "rules",
                table: "auto_replies",
                columns: new[] { "PhoneNumber", "Trigger", "Schedule" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_DecidedAt",
                schema: "rules",
                table: "decisions",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_EventId",
                schema: "rules",
                table: "decisions",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_PhoneNumber_Contact_DecidedAt",
                schema: "rules",
                table: "decisions",
                columns: new[] { "PhoneNumber", "Contact", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auto_replies",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "decisions",
                schema: "rules");

            migrationBuilder.DropTable(
                name: "numbers",
                schema: "rules");
        }
    }
}
