import type { RouteName } from '../../routes';
import { InvestNav } from './InvestNav';
import { MinePage } from './MinePage';
import { PlansPage } from './PlansPage';
import { PublicProjectPage } from './PublicProjectPage';
import { PublicProjectsPage } from './PublicProjectsPage';
import { SitesPage } from './SitesPage';
import './invest.css';

/** /dau-tu…: opportunities, planning, public projects, the investor's own (docs/PROJECTS.md). A chunk of its own. */
export default function InvestApp({ page, id }: { page: Extract<RouteName, `invest${string}`>; id?: string }) {
  return (
    <>
      <InvestNav />
      {page === 'invest' && <SitesPage />}
      {page === 'investPlans' && <PlansPage />}
      {page === 'investProjects' && <PublicProjectsPage />}
      {page === 'investProject' && id && <PublicProjectPage key={id} id={id} />}
      {page === 'investMine' && <MinePage />}
    </>
  );
}
