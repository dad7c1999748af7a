import { getCurrentUser } from "@/lib/auth/current";
import { queueCount } from "@/lib/review/queries";
import { AdminNav } from "./admin-nav";

/**
 * The administration area's frame. Not an access check: layouts do not re-run on every
 * navigation and a page can be reached without its layout's checks, so every admin page calls
 * requireAdmin() itself. The navigation is shown only to administrators so that the 404 an
 * editor gets does not advertise the area. Decisions rebuild it (revalidatePath on /admin), so
 * the queue's count follows them.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      {user?.role === "admin" ? <AdminNav reviewCount={await queueCount(user)} /> : null}
      {children}
    </>
  );
}
