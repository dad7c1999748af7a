import { benefitLabel } from "@/lib/categories";

/** An arrangement's other benefits, named in words (its public page and its preview). */
export function BenefitsSection({ benefits }: { benefits: readonly string[] }) {
  if (benefits.length === 0) return null;
  return (
    <section aria-labelledby="benefits-heading" className="mt-10">
      <h2 id="benefits-heading" className="text-2xl font-bold">
        Other benefits
      </h2>
      <ul className="mt-2 list-disc pl-6" data-testid="arrangement-benefits">
        {benefits.map((b) => (
          <li key={b}>{benefitLabel(b) ?? b}</li>
        ))}
      </ul>
    </section>
  );
}

/** An arrangement's public contact, when it has one (its public page and its preview). */
export function ContactSection({ name, email }: { name: string | null; email: string | null }) {
  if (!name && !email) return null;
  return (
    <section aria-labelledby="contact-heading" className="mt-10">
      <h2 id="contact-heading" className="text-2xl font-bold">
        Contact
      </h2>
      <p className="mt-2">
        {name}
        {email ? (
          <>
            {name ? <br /> : null}
            <a href={`mailto:${email}`} className="wrap-anywhere">
              {email}
            </a>
          </>
        ) : null}
      </p>
    </section>
  );
}
