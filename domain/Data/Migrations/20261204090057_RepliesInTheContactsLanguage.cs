using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoReply.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepliesInTheContactsLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "rules",
                table: "numbers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                // Every number so far wrote its replies in English.
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                schema: "rules",
                table: "decisions",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LanguageReason",
                schema: "rules",
                table: "decisions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                schema: "rules",
                table: "auto_replies",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "contact_languages",
                schema: "rules",
                columns: table => new
                {
                    PhoneNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Contact = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TextAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_languages", x => new { x.PhoneNumber, x.Contact });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_languages",
                schema: "rules");

            migrationBuilder.DropColumn(
                name: "Language",
                schema: "rules",
                table: "numbers");

            migrationBuilder.DropColumn(
                name: "Language",
                schema: "rules",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "LanguageReason",
                schema: "rules",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "Translations",
                schema: "rules",
                table: "auto_replies");
        }
    }
}
