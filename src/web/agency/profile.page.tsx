/** An agency's profile: what it does, where it works, its offices on a map, and its contacts. */
import { escapeHtml } from '@kitajs/html';
import type { AgencyDetail } from '../../services/search.service.js';
import {
  AgencyBreadcrumbs,
  FavouriteButton,
  RevealAction,
  agencyPath,
  coverageText,
  purposeQuery,
} from '../shared/agency-links.js';
import { BrandLine, VerifiedBadge, WebsiteAction } from '../components/agency-parts.js';
import {
  audienceText,
  employmentTypeLabels,
  formatMonthYear,
  joinList,
  plural,
} from '../shared/format.js';
import type { Purpose } from '../shared/form-values.js';
import { Layout, toHtml, attr, type PageChrome } from '../shared/layout.js';
import { BranchMap } from './map.js';

function ContactBlock(props: {
  slug: string;
  branch: AgencyDetail['branches'][number];
  who: Purpose;
}) {
  const c = props.who === 'job' ? props.branch.candidate : props.branch.employer;
  const label = props.who === 'job' ? 'For job seekers' : 'For employers';
  if (!c.phone && !c.email) return '';
  return (
    <div class="contact-block">
      <h4>{label}</h4>
      <div class="button-row">
        {c.phone ? (
          <RevealAction
            class="button button-small"
            href={`${agencyPath(props.slug)}/phone?branch=${encodeURIComponent(props.branch.id)}&purpose=${props.who}`}
            purpose={props.who}
            label="Phone Number"
            context={`: ${props.branch.name}, ${label.toLowerCase()}`}
          />
        ) : (
          ''
        )}
        {c.email ? (
          <a
            class="button button-small button-secondary"
            href={attr(
              `${agencyPath(props.slug)}/email?branch=${encodeURIComponent(props.branch.id)}&purpose=${props.who}`,
            )}
          >
            Email Agency
            <span class="visually-hidden">
              {escapeHtml(`: ${props.branch.name}, ${label.toLowerCase()}`)}
            </span>
          </a>
        ) : (
          ''
        )}
      </div>
    </div>
  );
}

export function renderProfile(
  page: PageChrome,
  agency: AgencyDetail,
  purpose: Purpose | null,
  isFavourite: boolean,
): string {
  const path = `${agencyPath(agency.slug)}${purposeQuery(purpose)}`;
  const who: Purpose[] = purpose ? [purpose] : ['job', 'staff'];
  const towns = [...new Set(agency.branches.map((b) => b.town.name))];
  const purposeLinks: { value: Purpose | null; label: string }[] = [
    { value: null, label: 'Everyone' },
    { value: 'job', label: 'Job seekers' },
    { value: 'staff', label: 'Employers' },
  ];
  return toHtml(
    <Layout title={agency.name} {...page} description={agency.description.slice(0, 200)}>
      <AgencyBreadcrumbs listing={agency} />
      <div class="profile-header">
        <h1 class="page-title">
          {escapeHtml(agency.name)} <VerifiedBadge verified={agency.verified} />
        </h1>
        <BrandLine brand={agency.brand.name} name={agency.name} />
        <p class="lede">{escapeHtml(agency.description)}</p>
        <div class="button-row print-hide">
          <WebsiteAction
            slug={agency.slug}
            website={agency.website}
            purpose={purpose}
            class="button"
            context=""
          />
          <a class="button" href={`${agencyPath(agency.slug)}/email${purposeQuery(purpose)}`}>
            Email Agency
          </a>
          <FavouriteButton
            slug={agency.slug}
            name={agency.name}
            isFavourite={isFavourite}
            returnTo={path}
            small={false}
            csrf={page.user?.csrf}
          />
        </div>
      </div>
      <div class="grid-sidebar profile-grid section">
        <aside class="profile-map" aria-labelledby="map-heading">
          <h2 id="map-heading">Offices on the map</h2>
          <BranchMap
            title={`Map of ${agency.name}'s ${plural(agency.branches.length, 'office')}`}
            description={
              towns.length > 0
                ? `${plural(agency.branches.length, 'office')}: ${joinList(towns)}.`
                : 'No offices listed.'
            }
            points={agency.branches.map((b) => ({
              lat: b.lat,
              lon: b.lon,
              label: `${b.name}, ${b.postcode}`,
            }))}
          />
        </aside>
        <div>
          <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">About this agency</h2>
            <dl class="summary-list">
              <dt>Industries</dt>
              <dd>{escapeHtml(joinList(agency.industries.map((i) => i.name)))}</dd>
              {agency.subsectors.length > 0 ? (
                <>
                  <dt>Specialisms</dt>
                  <dd>{escapeHtml(joinList(agency.subsectors.map((s) => s.name)))}</dd>
                </>
              ) : (
                ''
              )}
              <dt>Employment types</dt>
              <dd>
                {escapeHtml(joinList(employmentTypeLabels(agency.employmentTypes)) || 'Not stated')}
              </dd>
              <dt>Works with</dt>
              <dd>{escapeHtml(audienceText(agency.purposes))}</dd>
              <dt>Coverage</dt>
              <dd>{escapeHtml(coverageText(agency.coverage, 12))}</dd>
              <dt>Listed since</dt>
              <dd>
                <time datetime={agency.listedSince}>
                  {escapeHtml(formatMonthYear(agency.listedSince))}
                </time>
              </dd>
              <dt>Offices</dt>
              <dd>{escapeHtml(String(agency.branches.length))}</dd>
            </dl>
          </section>
          <section class="section" aria-labelledby="offices-heading">
            <h2 id="offices-heading">Offices and contacts</h2>
            <nav class="purpose-switch print-hide" aria-label="Show contacts for">
              <p>
                Show contacts for:{' '}
                {purposeLinks.map((p, i) => (
                  <>
                    {i > 0 ? ' | ' : ''}
                    <a
                      href={`${agencyPath(agency.slug)}${purposeQuery(p.value)}`}
                      aria-current={purpose === p.value ? 'page' : undefined}
                    >
                      {escapeHtml(p.label)}
                    </a>
                  </>
                ))}
              </p>
            </nav>
            <ul class="card-list">
              {agency.branches.map((b) => (
                <li class="card">
                  <h3 class="card-title">{escapeHtml(b.name)}</h3>
                  <p>
                    {escapeHtml(b.address)}
                    <br />
                    {escapeHtml(`${b.town.name} ${b.postcode}`)}
                  </p>
                  {who.map((w) => (
                    <ContactBlock slug={agency.slug} branch={b} who={w} />
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </Layout>,
  );
}
