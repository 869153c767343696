import { describe, expect, it } from "vitest";
import { errorHeadline } from "./text";

describe("errorHeadline", () => {
  it("takes the inner code and first message out of an ADF copy wrapper", () => {
    const text =
      "Failure happened on 'Sink' side. ErrorCode=SqlFailedToConnect,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException," +
      "Message=Cannot connect to SQL Database: 'srv.database.windows.net', Database: 'sales'.,Source=Microsoft.DataTransfer.ClientLibrary," +
      "''Type=System.Data.SqlClient.SqlException,Message=Login failed,Source=.Net SqlClient Data Provider,'";
    expect(errorHeadline(text)).toBe(
      "SqlFailedToConnect: Cannot connect to SQL Database: 'srv.database.windows.net', Database: 'sales'.",
    );
  });

  it("leaves other text as it is", () => {
    expect(errorHeadline("Operation on target Copy failed: timeout")).toBe("Operation on target Copy failed: timeout");
    expect(errorHeadline("ErrorCode=UserErrorFileNotFound")).toBe("UserErrorFileNotFound");
  });
});
